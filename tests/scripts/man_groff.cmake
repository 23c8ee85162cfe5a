# Formats one manual page with groff's man macros and every warning on; fails on any output.
# Usage: cmake -DPAGE=man/ppsaudit.1 -P man_groff.cmake
find_program(GROFF groff)
if(NOT GROFF)
  message(FATAL_ERROR "groff is not installed (Debian: groff-base)")
endif()
execute_process(
  COMMAND ${GROFF} -man -ww -z ${PAGE}
  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT "${output}${errors}" STREQUAL "")
  message(FATAL_ERROR "groff -man -ww -z ${PAGE} (exit ${status}):\n${output}${errors}")
endif()
message(STATUS "${PAGE}: formats without a warning")
