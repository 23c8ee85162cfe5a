# Compresses one file as Debian's policy asks of manual pages and changelogs: gzip -9n, with
# neither the file's name nor its time in the header, so that the same input always gives the
# same bytes.
# Usage: cmake -DGZIP=gzip -DINPUT=man/ppsaudit.1 -DOUTPUT=build/man/ppsaudit.1.gz -P gzip.cmake
execute_process(
  COMMAND ${GZIP} -9n -c ${INPUT}
  OUTPUT_FILE ${OUTPUT}.tmp ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "gzip -9n ${INPUT} exited ${status}: ${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
