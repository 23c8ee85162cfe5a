# The xlsx self-assessment workbook of both examples, read with openpyxl (python3-openpyxl) and
# checked row by row against the JSON report of the same run, and the same bytes every run.
add_test(NAME xlsx/workbook
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/xlsx_check.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} workbook)

# A workbook is refused for a register, a terminal, a path or TMPDIR that cannot be written.
add_test(NAME xlsx/refusals
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/xlsx_check.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} refusals)
