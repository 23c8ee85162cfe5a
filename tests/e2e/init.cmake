# `ppsaudit init` (man/ppsaudit.1, init): for each framework, the starter it prints is the file in
# examples/starter/ byte for byte and validates; check audits it, its report headed by the name
# to fill in and its top actions naming keys the starter shows; its commented sections, once
# uncommented and their dates written, validate too. Writing to a file never replaces one
# without --force (tests/scripts/init.py).
foreach(framework send_cop_2015 sen_cop_2001)
  foreach(mode starter check templates)
    add_test(NAME init/${mode}-${framework}
      COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/init.py $<TARGET_FILE:ppsaudit>
        ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/init-${mode}-${framework} ${mode} ${framework})
  endforeach()
endforeach()
add_test(NAME init/file
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/init.py $<TARGET_FILE:ppsaudit>
    ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/init-file file send_cop_2015)
