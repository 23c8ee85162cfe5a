# Fails unless `ppsaudit schema FORMAT` prints EXPECTED's bytes, twice the same.
# Usage: cmake -DPPSAUDIT=ppsaudit -DFORMAT=report -DEXPECTED=schema/ppsaudit-report.schema.json -P schema_identical.cmake
foreach(run 1 2)
  execute_process(
    COMMAND ${PPSAUDIT} schema ${FORMAT}
    OUTPUT_VARIABLE printed${run} ERROR_VARIABLE errors RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "ppsaudit schema ${FORMAT} exited ${status}: ${errors}")
  endif()
endforeach()
if(NOT printed1 STREQUAL printed2)
  message(FATAL_ERROR "ppsaudit schema ${FORMAT} printed two different texts in two runs")
endif()
file(READ ${EXPECTED} expected)
if(NOT printed1 STREQUAL expected)
  string(LENGTH "${printed1}" got)
  string(LENGTH "${expected}" want)
  message(FATAL_ERROR "ppsaudit schema ${FORMAT} printed ${got} bytes that are not ${EXPECTED} (${want} bytes)")
endif()
if(NOT printed1 MATCHES "\n$")
  message(FATAL_ERROR "ppsaudit schema ${FORMAT} does not end with a newline")
endif()
message(STATUS "ppsaudit schema ${FORMAT} printed ${EXPECTED}")
