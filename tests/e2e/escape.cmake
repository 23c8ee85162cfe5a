# Names and data never reach a terminal raw: escape sequences, bidirectional and invisible
# characters in file names and pack data, and the text report's cut (tests/scripts/escape.py).
add_test(NAME e2e/escape COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/escape.py $<TARGET_FILE:ppsaudit>)
