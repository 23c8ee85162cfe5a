# Issue 12: a run of more than 100000 service files or 1000 rule pack files is refused before
# any is read (tests/scripts/files_per_run.py). The other limits are cases in tests/bad-input/
# and tests/bad-rules/, listed with their tests in man/ppsaudit.1, LIMITS.
add_test(NAME e2e/files-per-run
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/files_per_run.py $<TARGET_FILE:ppsaudit>
    ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e/files-per-run PROPERTIES TIMEOUT 300)
