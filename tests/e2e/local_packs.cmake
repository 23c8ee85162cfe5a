# Each service is audited against the local packs it names (man/ppsaudit-service.5, local_packs).
add_test(NAME e2e/local-packs
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/local_packs.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
