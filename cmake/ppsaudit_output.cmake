# Writes what the built ppsaudit prints for one command, so that the file is made by the program
# itself: the completion scripts from the command line it parses (`completion bash|zsh`), the
# input formats' JSON Schemas from the tables its loader walks (`schema service|rules`). The file
# is replaced only once the command has succeeded.
# Usage: cmake -DPPSAUDIT=ppsaudit "-DARGS=completion;bash" -DOUTPUT=completion/ppsaudit -P ppsaudit_output.cmake
execute_process(
  COMMAND ${PPSAUDIT} ${ARGS}
  OUTPUT_FILE ${OUTPUT}.tmp ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  string(REPLACE ";" " " words "${ARGS}")
  message(FATAL_ERROR "ppsaudit ${words} exited ${status}: ${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
