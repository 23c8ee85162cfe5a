# Runs the same audit twice in every format, and fails unless the outputs are identical
# byte for byte and the audit ran (exit 0 or 1, never 2 or 3).
foreach(format text json junit sarif markdown html)
  foreach(run 1 2)
    execute_process(
      COMMAND ${PPSAUDIT} check examples/cambridgeshire-pps.yaml examples/east-sussex-parent-link.yaml
              --as-of 2010-01-31 --format ${format} --color never
      WORKING_DIRECTORY ${SOURCE_DIR}
      OUTPUT_VARIABLE output_${run} ERROR_VARIABLE errors RESULT_VARIABLE status)
    if(NOT status EQUAL 0 AND NOT status EQUAL 1)
      message(FATAL_ERROR "ppsaudit check --format ${format} exited ${status}: ${errors}")
    endif()
  endforeach()
  string(LENGTH "${output_1}" size)
  if(size LESS 200)
    message(FATAL_ERROR "the ${format} report is only ${size} bytes: ${output_1}")
  endif()
  if(NOT output_1 STREQUAL output_2)
    message(FATAL_ERROR "two runs of the ${format} report differ")
  endif()
  message(STATUS "${format} report: ${size} bytes, identical across two runs")
endforeach()
