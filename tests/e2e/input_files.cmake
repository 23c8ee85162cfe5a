# Issue 12: a FIFO named as an input, or found in a folder, never keeps a run waiting
# (tests/scripts/fifo_inputs.py).
add_test(NAME e2e/fifo-inputs
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/fifo_inputs.py $<TARGET_FILE:ppsaudit>
    ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e/fifo-inputs PROPERTIES TIMEOUT 120)
