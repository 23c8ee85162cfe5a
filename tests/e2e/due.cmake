# ppsaudit due: the obligations list in text, JSON (against schema/ppsaudit-due.schema.json)
# and iCalendar (parsed by python3-icalendar), overdue items, stable UIDs, byte-identical
# output, and bad input (tests/scripts/due.py does the work, one case per test).
foreach(case text-cambridgeshire text-east-sussex overdue-cambridgeshire overdue-east-sussex json-schema
        ics-cambridgeshire ics-east-sussex deterministic uid-stable output-refused bad-input quiet)
  add_test(NAME due/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/due.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/generated/due-${case} ${case})
endforeach()
