# A register: a folder of service files audited in one command, with a roll-up in every
# format, and one broken file that hides nothing else (tests/register/, tests/scripts/register.py).
add_test(NAME e2e/register
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/register.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/register)
# The register's JUnit and SARIF reports, clean and with a broken file, read by their real
# consumers (junitparser, the SARIF Multitool) and compared with the JSON report of the same run.
foreach(consumer junit sarif)
  if(consumer STREQUAL "sarif")
    set(extra --multitool ${PROJECT_SOURCE_DIR}/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
  else()
    set(extra)
  endif()
  add_test(NAME reports/${consumer}-register
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/${consumer}_consumer.py ${extra}
      --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
      --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/${consumer}-register
      --service tests/register --as-of 2011-12-31)
  add_test(NAME reports/${consumer}-register-broken
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/${consumer}_consumer.py ${extra}
      --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
      --work-dir ${CMAKE_CURRENT_BINARY_DIR}/reports/${consumer}-register-broken
      --service tests/register tests/register-broken --as-of 2011-12-31 --expect-exit 2)
endforeach()
