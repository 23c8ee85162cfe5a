# The text report as a person reads it (issue 13): 100 columns, or the terminal's; summary and
# top actions first; one name per result; no colour under TERM=dumb (tests/scripts/text_report.py).
add_test(NAME e2e/text-report
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/text_report.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
