# `ppsaudit compare` (man/ppsaudit.1, compare): the hand-worked differences of the two examples
# (examples/*.compare), and what every comparison must be: schema-valid JSON, deterministic
# output, --output files, the note where two services pull apart across eras.
file(GLOB PPSAUDIT_COMPARISONS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.compare)
foreach(expected ${PPSAUDIT_COMPARISONS})
  get_filename_component(name ${expected} NAME)
  add_test(NAME examples/${name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/compare_expected.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${expected})
endforeach()

add_test(NAME reports/compare
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/compare_report.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
