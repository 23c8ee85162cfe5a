# The HTML inspection pack read as a manager and an inspector read it, against the JSON report
# of the same run: the cover's practice levels and top actions, the contents, each finding's
# element, the met rules' titles, the provenance, the sign-off block, --generated-at, and a
# register's roll-up (tests/scripts/html_pack.py says how).
add_test(NAME e2e/html-pack
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/html_pack.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/html-pack)
