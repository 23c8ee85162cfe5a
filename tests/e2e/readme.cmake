# The README's quick start (init, edit, check) runs as written (tests/scripts/readme_quick_start.py).
add_test(NAME e2e/readme-quick-start
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/readme_quick_start.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/readme-quick-start)
