# Baselines: results marked new, unchanged, fixed or absent against the JSON report of an
# earlier run, matched by service id, rule and record at fault (tests/scripts/baseline.py).
add_test(NAME e2e/baseline
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/baseline.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/baseline)
# The JUnit and SARIF reports against a baseline, read by their real consumers and compared with
# the JSON report of the same run (baselineState on every result, the absent ones after them).
# tests/baseline/riverside-2011.json is `check tests/baseline/riverside.yaml --rules
# examples/cambridgeshire-pps.rules.yaml --as-of 2011-06-30 --format json --fail-on none`, run in
# the source folder: made again whenever the report format's version changes.
set(PPSAUDIT_BASELINE_SUBJECT --service tests/baseline/riverside-changed.yaml --as-of 2011-06-30
  --baseline tests/baseline/riverside-2011.json)
add_test(NAME report/junit-baseline
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/junit_consumer.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/junit-baseline ${PPSAUDIT_BASELINE_SUBJECT})
add_test(NAME report/sarif-baseline
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py
    --multitool ${PROJECT_SOURCE_DIR}/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/sarif-baseline ${PPSAUDIT_BASELINE_SUBJECT})
