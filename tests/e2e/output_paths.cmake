# Issue 12: --output never replaces an input, a device, a FIFO or another --output's file,
# and keeps a rewritten report's mode (tests/scripts/output_paths.py).
add_test(NAME e2e/output-paths
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/output_paths.py $<TARGET_FILE:ppsaudit>
    ${PROJECT_SOURCE_DIR})

# Issue 12: a run stopped by a signal while writing a report leaves no temporary file and dies
# of the signal (tests/scripts/interrupted_output.py).
add_test(NAME e2e/interrupted-output
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/interrupted_output.py $<TARGET_FILE:ppsaudit>
    ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/interrupted-output)
