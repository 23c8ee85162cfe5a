# The JSON report validates against the JSON Schema shipped in schema/.
add_test(NAME reports/json-schema
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/json_schema_check.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})

# --output writes each report whole or not at all.
add_test(NAME reports/atomic-output
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/atomic_output.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})

# Hostile strings in a service file stay inert in the text and JSON reports.
add_test(NAME reports/hostile-text-json
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/hostile_text_json.py
    $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR})
