# check --jobs: the same output, byte for byte, on one thread and on many (tests/scripts/jobs.py).
add_test(NAME e2e/jobs
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/jobs.py $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
