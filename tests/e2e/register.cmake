# A register: a folder of service files audited in one command, with a roll-up in every
# format, and one broken file that hides nothing else (tests/register/, tests/scripts/register.py).
add_test(NAME e2e/register
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/register.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/register)
