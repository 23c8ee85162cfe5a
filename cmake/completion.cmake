# Writes a shell's completion script by running the built ppsaudit, so that the script is
# made from the command line the program parses.
# Usage: cmake -DPPSAUDIT=ppsaudit -DSHELL_NAME=bash -DOUTPUT=completion/ppsaudit -P completion.cmake
execute_process(
  COMMAND ${PPSAUDIT} completion ${SHELL_NAME}
  OUTPUT_FILE ${OUTPUT}.tmp ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "ppsaudit completion ${SHELL_NAME} exited ${status}: ${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
