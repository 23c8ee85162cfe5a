# Values read from words that mean two things stay visible in every format, with the results the
# other reading would change (man/ppsaudit-service.5, cadence; tests/scripts/readings.py).
add_test(NAME report/readings
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/readings.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
