# The github report (GitHub Actions workflow commands): each line parsed with the documented
# syntax and escaping, and decoded back to the JSON report's file, line, title and message
# (tests/scripts/github_commands.py).
set(PPSAUDIT_GITHUB_TEST ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/github_commands.py
  --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR})
add_test(NAME report/github-cambridgeshire
  COMMAND ${PPSAUDIT_GITHUB_TEST} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/github-cambridgeshire
    --service examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME report/github-east-sussex
  COMMAND ${PPSAUDIT_GITHUB_TEST} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/github-east-sussex
    --service examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
    --as-of 2011-12-31)
# Control characters, quotes and markup in the service's own text.
add_test(NAME report/github-hostile
  COMMAND ${PPSAUDIT_GITHUB_TEST} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/github-hostile
    --service tests/hostile/hostile-service.yaml --as-of 2012-06-01)
# A 2008 service audited under the 2014 Act: the era warnings come first, as ::warning.
add_test(NAME report/github-era-warnings
  COMMAND ${PPSAUDIT_GITHUB_TEST} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/github-era
    --service examples/cambridgeshire-pps.yaml --profile iass --as-of 2008-07-31)
# The hostile service in a folder and file named with ',', ':' and '%', which a property value
# must escape.
add_test(NAME report/github-file-name
  COMMAND ${PPSAUDIT_GITHUB_TEST} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/github-file-name
    --service tests/hostile/hostile-service.yaml --as-of 2012-06-01 --rename)
