# Checks one manual page with mandoc's linter and fails on any message or a non-zero status.
# It reports at level "style" and above, which takes in "-W warning" (empty .UR blocks, bad
# macro use) and adds source lines over 80 bytes, which mandoc's man-page style asks for.
# Usage: cmake -DMANDOC=/usr/bin/mandoc -DPAGE=man/ppsaudit.1 -P man_mandoc.cmake
if(NOT MANDOC)
  find_program(MANDOC mandoc)
endif()
if(NOT MANDOC)
  message(FATAL_ERROR "mandoc is not installed (Debian: mandoc)")
endif()
execute_process(
  COMMAND ${MANDOC} -Tlint -W style ${PAGE}
  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT "${output}${errors}" STREQUAL "")
  message(FATAL_ERROR "mandoc -Tlint -W style ${PAGE} (exit ${status}):\n${output}${errors}")
endif()
message(STATUS "${PAGE}: mandoc -Tlint finds nothing")
