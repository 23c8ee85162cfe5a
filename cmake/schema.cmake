# Writes the JSON Schema of one input format by running the built ppsaudit, so that the file
# is made from the tables its loader walks.
# Usage: cmake -DPPSAUDIT=ppsaudit -DFORMAT=service -DOUTPUT=schema/ppsaudit-service.schema.json -P schema.cmake
execute_process(
  COMMAND ${PPSAUDIT} schema ${FORMAT}
  OUTPUT_FILE ${OUTPUT}.tmp ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "ppsaudit schema ${FORMAT} exited ${status}: ${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
