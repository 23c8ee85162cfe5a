# The JUnit and SARIF reports of both examples and of the hostile service, each checked by its
# real consumer: junitparser for JUnit, Microsoft's SARIF Multitool for SARIF
# (tests/scripts/junit_consumer.py and sarif_consumer.py compare them with the JSON report).
add_test(NAME report/junit-cambridgeshire
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/junit_consumer.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME report/junit-east-sussex
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/junit_consumer.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
    --as-of 2011-12-31)
# As of 2012-06-01 the hostile policy title is overdue for review, so a message carries it too.
add_test(NAME report/junit-hostile
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/junit_consumer.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service tests/hostile/hostile-service.yaml --as-of 2012-06-01 --hostile)
set(PPSAUDIT_MULTITOOL ${PROJECT_SOURCE_DIR}/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
add_test(NAME report/sarif-cambridgeshire
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
add_test(NAME report/sarif-east-sussex
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml
    --as-of 2011-12-31)
add_test(NAME report/sarif-hostile
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports
    --service tests/hostile/hostile-service.yaml --as-of 2012-06-01 --hostile)
# A 2008 service audited under the 2014 Act: the era warnings are a notification of the run.
add_test(NAME report/sarif-era-warnings
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/era
    --service examples/cambridgeshire-pps.yaml --profile iass --as-of 2008-07-31)
# Two untrained people: the second is a relatedLocation of each training finding, as in JSON's also_at.
add_test(NAME report/sarif-records-at-fault
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/at-fault
    --service tests/good-input/records-at-fault.yaml --as-of 2010-07-31 --expect-related)
# The checks themselves must fail on a broken log: a pass with level error, a missing message, an unknown kind.
add_test(NAME report/sarif-rejects-broken
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/broken
    --service examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31 --broken)
# A waiver in force is an accepted external suppression (SARIF 2.1.0 §3.27.23, §3.35), valid for the Multitool.
add_test(NAME report/sarif-waivers
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/sarif_consumer.py --multitool ${PPSAUDIT_MULTITOOL}
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/waivers
    --service tests/waivers/waived.yaml --as-of 2008-07-31 --expect-suppressions)
