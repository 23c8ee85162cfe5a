# check --jobs: the same output, byte for byte, on one thread and on many (tests/scripts/jobs.py).
add_test(NAME e2e/jobs
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/jobs.py $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})

# A register is written a service at a time: peak memory does not grow with the register
# (tests/scripts/memory.py). Not under the sanitizers, whose allocator keeps freed memory.
if(NOT PPSAUDIT_SANITIZE)
  add_test(NAME e2e/memory
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/memory.py $<TARGET_FILE:ppsaudit>
      ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/memory)
endif()
