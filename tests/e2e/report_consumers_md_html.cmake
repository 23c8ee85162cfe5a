# The Markdown and HTML reports of both examples and of a hostile service file, each checked
# by the program that really consumes it (tests/scripts/markdown_html_consumers.py says how),
# and each consumer shown to reject a broken input, so that none can pass by checking nothing.
# The consumers come from tests/tools/ (`bash .ci/setup --tests`); reports go to reports/.

add_test(NAME reports/markdownlint-cambridgeshire-pps
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py markdownlint
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/markdownlint-cambridgeshire-pps
    -- examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME reports/markdownlint-east-sussex-parent-link
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py markdownlint
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/markdownlint-east-sussex-parent-link
    -- examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
       --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/markdownlint-two-services
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py markdownlint
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/markdownlint-two-services
    -- examples/cambridgeshire-pps.yaml examples/east-sussex-parent-link.yaml --as-of 2011-12-31)
add_test(NAME reports/markdownlint-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py markdownlint
    --expect-reject --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_broken.md)
add_test(NAME reports/hostile-markdown
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py hostile-md
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/hostile-markdown
    -- tests/hostile/hostile-service.yaml --as-of 2011-12-31 --due-within 400)

add_test(NAME reports/vnu-cambridgeshire-pps
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py vnu
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/vnu-cambridgeshire-pps
    -- examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME reports/vnu-east-sussex-parent-link
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py vnu
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/vnu-east-sussex-parent-link
    -- examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
       --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/vnu-hostile
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py vnu
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/vnu-hostile
    -- tests/hostile/hostile-service.yaml --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/vnu-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py vnu
    --expect-reject --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/vnu-rejects-broken
    --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/html_broken.html)
add_test(NAME reports/axe-cambridgeshire-pps
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py axe
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/axe-cambridgeshire-pps
    -- examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME reports/axe-east-sussex-parent-link
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py axe
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/axe-east-sussex-parent-link
    -- examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
       --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/axe-hostile
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py axe
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/axe-hostile
    -- tests/hostile/hostile-service.yaml --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/axe-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py axe
    --expect-reject --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/axe-rejects-broken
    --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/html_broken.html)
add_test(NAME reports/hostile-html
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py hostile-html
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --out-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/hostile-html
    -- tests/hostile/hostile-service.yaml --as-of 2011-12-31 --due-within 400)
add_test(NAME reports/hostile-html-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py hostile-html
    --expect-reject --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/html_broken.html)
add_test(NAME reports/hostile-markdown-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_html_consumers.py hostile-md
    --expect-reject --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
    --file ${CMAKE_CURRENT_SOURCE_DIR}/scripts/markdown_hostile_broken.md)
