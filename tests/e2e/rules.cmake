# The rule packs, checked as rule authors and CI check them.
add_test(NAME rules/lint-builtin COMMAND ppsaudit rules lint)
add_test(NAME rules/test-builtin COMMAND ppsaudit rules test)
file(GLOB PPSAUDIT_LOCAL_PACKS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.rules.yaml)
foreach(pack ${PPSAUDIT_LOCAL_PACKS})
  get_filename_component(name ${pack} NAME)
  add_test(NAME rules/lint-${name} COMMAND ppsaudit rules lint ${pack})
  add_test(NAME rules/test-${name} COMMAND ppsaudit rules test ${pack})
endforeach()

# Each example's hand-worked expectation: every rule's result as of a fixed date.
file(GLOB PPSAUDIT_EXPECTATIONS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.expected)
foreach(expected ${PPSAUDIT_EXPECTATIONS})
  get_filename_component(name ${expected} NAME)
  add_test(NAME examples/${name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/expected_results.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${expected})
endforeach()

# The README's main job: the example audits and its report is byte-identical across runs.
add_test(NAME examples/check-deterministic
  COMMAND ${CMAKE_COMMAND} -DPPSAUDIT=$<TARGET_FILE:ppsaudit> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/deterministic.cmake)

# rules/README.md's coverage table leaves no criterion of domain.md unaccounted for.
add_test(NAME rules/coverage
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/coverage.py $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
set_tests_properties(rules/coverage PROPERTIES SKIP_RETURN_CODE 77)
