# `ppsaudit --version` names the commit it was built from; skipped (exit 77), not passed, outside
# a git checkout.
add_test(NAME e2e/version-commit
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/version_commit.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
set_tests_properties(e2e/version-commit PROPERTIES SKIP_RETURN_CODE 77)

# `rules list --format json`, for scripts: the text list's rules, with their packs and editions.
add_test(NAME e2e/rules-list-json
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/rules_list_json.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
