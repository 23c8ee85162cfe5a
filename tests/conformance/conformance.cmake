# The CEL conformance runner: upstream's vectors, read from ../shared (never copied into the repo).
add_executable(cel_conformance
  ${CMAKE_CURRENT_LIST_DIR}/cel_conformance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tagged_value.cpp)
target_link_libraries(cel_conformance PRIVATE ppsaudit_cel ppsaudit_warnings nlohmann_json::nlohmann_json)
target_compile_definitions(cel_conformance PRIVATE
  PPSAUDIT_CEL_VECTORS="${PROJECT_SOURCE_DIR}/../shared/conformance/cel")
add_test(NAME conformance/cel COMMAND cel_conformance)
# 77: the vectors are absent, so CTest shows the test as skipped rather than passed.
set_tests_properties(conformance/cel PROPERTIES SKIP_RETURN_CODE 77)
