# `ppsaudit schema`: the service file and rule pack schemas, checked with ajv (draft-07, with
# ajv-formats) against every file ppsaudit accepts and every bad case it refuses, so that the
# schemas and ppsaudit's own checks cannot drift apart; the bad cases a JSON Schema cannot
# reject are listed, each with its reason, in tests/schema-unexpressible.txt. The report
# schemas it prints are the files of schema/, byte for byte.
set(PPSAUDIT_SCHEMA_DIR ${PROJECT_BINARY_DIR}/schema)
set(PPSAUDIT_SCHEMA_CHECK
    --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules --source-dir ${PROJECT_SOURCE_DIR}
    --service ${PPSAUDIT_SCHEMA_DIR}/ppsaudit-service.schema.json
    --rules ${PPSAUDIT_SCHEMA_DIR}/ppsaudit-rules.schema.json)
# Every service file and pack that ppsaudit reads without an error.
file(GLOB PPSAUDIT_SCHEMA_GOOD CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/examples/*.yaml ${PROJECT_SOURCE_DIR}/rules/*.yaml
  ${PROJECT_SOURCE_DIR}/tests/good-input/*.yaml ${PROJECT_SOURCE_DIR}/tests/waivers/*.yaml
  ${PROJECT_SOURCE_DIR}/tests/baseline/*.yaml ${PROJECT_SOURCE_DIR}/tests/register/*.yaml
  ${PROJECT_SOURCE_DIR}/tests/register/packs/*.yaml ${PROJECT_SOURCE_DIR}/tests/hostile/hostile-service.yaml)
file(GLOB PPSAUDIT_SCHEMA_BAD CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/tests/bad-input/* ${PROJECT_SOURCE_DIR}/tests/bad-rules/*)
find_program(PPSAUDIT_NODE node)
if(PPSAUDIT_NODE)
  add_test(NAME schema/good-files
    COMMAND ${PPSAUDIT_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/schema_check.cjs ${PPSAUDIT_SCHEMA_CHECK}
      good ${PPSAUDIT_SCHEMA_GOOD})
  add_test(NAME schema/bad-files
    COMMAND ${PPSAUDIT_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/schema_check.cjs ${PPSAUDIT_SCHEMA_CHECK}
      --unexpressible ${CMAKE_CURRENT_SOURCE_DIR}/schema-unexpressible.txt bad ${PPSAUDIT_SCHEMA_BAD})
  set_tests_properties(schema/good-files schema/bad-files PROPERTIES SKIP_RETURN_CODE 77)
else()
  foreach(name good-files bad-files)
    add_test(NAME schema/${name} COMMAND ${CMAKE_COMMAND} -E echo "node is not installed (Debian: nodejs)")
    set_tests_properties(schema/${name} PROPERTIES SKIP_REGULAR_EXPRESSION "node is not installed")
  endforeach()
endif()
# The build's copies of the input schemas are what `ppsaudit schema` prints now, and the report
# schemas are schema/'s files, byte for byte.
foreach(format service rules)
  add_test(NAME schema/${format}
    COMMAND ${CMAKE_COMMAND} -DPPSAUDIT=$<TARGET_FILE:ppsaudit> -DFORMAT=${format}
      -DEXPECTED=${PPSAUDIT_SCHEMA_DIR}/ppsaudit-${format}.schema.json
      -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/schema_identical.cmake)
endforeach()
foreach(format report compare due)
  add_test(NAME schema/${format}
    COMMAND ${CMAKE_COMMAND} -DPPSAUDIT=$<TARGET_FILE:ppsaudit> -DFORMAT=${format}
      -DEXPECTED=${PROJECT_SOURCE_DIR}/schema/ppsaudit-${format}.schema.json
      -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/schema_identical.cmake)
endforeach()
