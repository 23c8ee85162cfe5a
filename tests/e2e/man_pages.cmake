# The manual pages: each formats without a warning in groff and in mandoc's linter, and
# ppsaudit(1) documents exactly the long options that each command's --help prints
# (tests/scripts/man_*.cmake do the work).
file(GLOB PPSAUDIT_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.1 ${PROJECT_SOURCE_DIR}/man/*.5)
foreach(page ${PPSAUDIT_MAN_PAGES})
  get_filename_component(name ${page} NAME)
  add_test(NAME man/groff-${name}
    COMMAND ${CMAKE_COMMAND} -DPAGE=${page} -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/man_groff.cmake)
  add_test(NAME man/mandoc-${name}
    COMMAND ${CMAKE_COMMAND} -DPAGE=${page} -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/man_mandoc.cmake)
endforeach()
set(PPSAUDIT_MAN_COMMANDS init validate check compare due "rules eval" "rules list" "rules explain" "rules lint" "rules test"
    schema)
foreach(command ${PPSAUDIT_MAN_COMMANDS})
  string(REPLACE " " "-" name "${command}")
  add_test(NAME man/options-${name}
    COMMAND ${CMAKE_COMMAND} -DPPSAUDIT=$<TARGET_FILE:ppsaudit> "-DCOMMAND=${command}"
      -DPAGE=${PROJECT_SOURCE_DIR}/man/ppsaudit.1 -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/man_options.cmake)
endforeach()
# Every command that `ppsaudit help` lists has its man/options-* test and its section.
list(JOIN PPSAUDIT_MAN_COMMANDS "|" commands)
add_test(NAME man/commands
  COMMAND ${CMAKE_COMMAND} -DPPSAUDIT=$<TARGET_FILE:ppsaudit> "-DCOMMANDS=${commands}"
    -DPAGE=${PROJECT_SOURCE_DIR}/man/ppsaudit.1 -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/man_commands.cmake)
