# The Markdown and HTML reports of both examples and of a hostile service file, each checked
# by the program that really consumes it (tests/scripts/markdown_html_consumers.py says how),
# and each consumer shown to reject a broken input, so that none can pass by checking nothing.
# The consumers come from tests/tools/ (`bash .ci/setup --tests`); reports go to reports/.

set(PPSAUDIT_CONSUMERS ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py)
set(PPSAUDIT_NODE_TOOLS --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules)

# The `check` arguments of each subject the consumers read.
set(PPSAUDIT_SUBJECT_cambridgeshire-pps
    examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
set(PPSAUDIT_SUBJECT_east-sussex-parent-link
    examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
    --as-of 2011-12-31 --due-within 400)
set(PPSAUDIT_SUBJECT_two-services
    examples/cambridgeshire-pps.yaml examples/east-sussex-parent-link.yaml --as-of 2011-12-31)
set(PPSAUDIT_SUBJECT_hostile tests/hostile/hostile-service.yaml --as-of 2011-12-31 --due-within 400)
set(PPSAUDIT_SUBJECT_era-warnings examples/cambridgeshire-pps.yaml --profile iass --as-of 2008-07-31)
# `ppsaudit compare`: the examples, and a hostile service beside one offering advocacy.
set(PPSAUDIT_SUBJECT_compare
    compare examples/cambridgeshire-pps.yaml examples/east-sussex-parent-link.yaml --as-of 2011-12-31)
set(PPSAUDIT_SUBJECT_compare-hostile
    compare tests/hostile/hostile-service.yaml tests/good-input/two-readings.yaml --as-of 2011-12-31)
# A register (a folder, with a roll-up), and the same with a broken file, which exits 2.
set(PPSAUDIT_SUBJECT_register tests/register --as-of 2011-12-31)
set(PPSAUDIT_SUBJECT_register-broken tests/register tests/register-broken --as-of 2011-12-31)
set(PPSAUDIT_EXIT_register-broken --expect-exit 2)
# axe's full-page screenshot of 22 services times out on a loaded machine: it reads the same
# roll-up and error entry from a register of two services with a broken file between them.
set(PPSAUDIT_SUBJECT_register-three
    tests/register/bedford-pps.yaml tests/register-broken tests/register/york-parent-link.yaml --as-of 2011-12-31)
set(PPSAUDIT_EXIT_register-three --expect-exit 2)

# Against a baseline (tests/e2e/baseline.cmake): the Baseline section and each failure's "Since".
set(PPSAUDIT_SUBJECT_baseline
    tests/baseline/riverside-changed.yaml --as-of 2011-06-30 --baseline tests/baseline/riverside-2011.json)

# reports/NAME: the consumer CHECK reads ppsaudit's reports of SUBJECT.
function(ppsaudit_consumer_test name check subject)
  add_test(NAME reports/${name}
    COMMAND ${PPSAUDIT_CONSUMERS} ${check} --binary $<TARGET_FILE:ppsaudit> ${PPSAUDIT_NODE_TOOLS}
      ${PPSAUDIT_EXIT_${subject}} --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/${name} -- ${PPSAUDIT_SUBJECT_${subject}})
endfunction()

# reports/NAME: the consumer CHECK must reject the broken FILE (extra arguments follow it).
function(ppsaudit_consumer_rejects name check file)
  add_test(NAME reports/${name}
    COMMAND ${PPSAUDIT_CONSUMERS} ${check} --expect-reject ${PPSAUDIT_NODE_TOOLS} ${ARGN}
      --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/${file})
endfunction()

foreach(subject cambridgeshire-pps east-sussex-parent-link two-services era-warnings compare compare-hostile register register-broken
        baseline)
  ppsaudit_consumer_test(markdownlint-${subject} markdownlint ${subject})
endforeach()
ppsaudit_consumer_rejects(markdownlint-rejects-broken markdownlint markdown_broken.md)
ppsaudit_consumer_test(hostile-markdown hostile-md hostile)

foreach(check vnu axe)
  foreach(subject cambridgeshire-pps east-sussex-parent-link hostile era-warnings compare compare-hostile)
    ppsaudit_consumer_test(${check}-${subject} ${check} ${subject})
  endforeach()
  ppsaudit_consumer_rejects(${check}-rejects-broken ${check} html_broken.html
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/${check}-rejects-broken)
endforeach()
ppsaudit_consumer_test(vnu-register vnu register)
ppsaudit_consumer_test(vnu-baseline vnu baseline)
ppsaudit_consumer_test(vnu-register-broken vnu register-broken)
ppsaudit_consumer_test(axe-register-three axe register-three)
ppsaudit_consumer_test(hostile-html hostile-html hostile)
ppsaudit_consumer_test(hostile-compare-markdown hostile-md compare-hostile)
ppsaudit_consumer_test(hostile-compare-html hostile-html compare-hostile)
ppsaudit_consumer_rejects(hostile-html-rejects-broken hostile-html html_broken.html)
ppsaudit_consumer_rejects(hostile-markdown-rejects-broken hostile-md markdown_hostile_broken.md)
