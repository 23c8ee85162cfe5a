# CI integrations (docs/ci.md). The examples of docs/ci.md: each YAML block parsed and its
# structure checked, its ppsaudit commands run on a copy of tests/register, and the SARIF
# (against the SARIF 2.1.0 JSON Schema that the Multitool's npm package ships), JUnit and
# github reports they write read back (tests/scripts/ci_examples.py).
add_test(NAME docs/ci-examples
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/ci_examples.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --work-dir ${CMAKE_CURRENT_BINARY_DIR}/ci-examples
    --sarif-schema ${PROJECT_SOURCE_DIR}/tests/tools/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json)
# .pre-commit-hooks.yaml run by Debian's pre-commit, offline, with the configuration of
# docs/ci.md, in a temporary register repository (tests/scripts/pre_commit_hooks.py); skipped
# (77) only when pre-commit is not installed.
add_test(NAME ci/pre-commit
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/pre_commit_hooks.py
    --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
    --work-dir ${CMAKE_CURRENT_BINARY_DIR}/pre-commit)
set_tests_properties(ci/pre-commit PROPERTIES SKIP_RETURN_CODE 77)
