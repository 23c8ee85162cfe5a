# CEL: the conformance runner, and `ppsaudit rules eval` through the real binary.
#
# This file has two roles. Included by tests/CMakeLists.txt it registers the tests; run with
# `cmake -P` by one of those tests it runs the binary once and checks stdout, stderr and the
# exit status exactly.
if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND ${BINARY} rules eval ${EXPRESSION}
    RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  set(problems "")
  if(NOT status STREQUAL EXPECT_EXIT)
    string(APPEND problems "exit status ${status}, expected ${EXPECT_EXIT}\n")
  endif()
  foreach(stream stdout stderr)
    string(TOUPPER ${stream} upper)
    set(wanted "${EXPECT_${upper}}")
    if(NOT wanted STREQUAL "")
      string(APPEND wanted "\n")
    endif()
    if(NOT "${${stream}}" STREQUAL "${wanted}")
      string(APPEND problems "${stream} was:\n${${stream}}expected:\n${wanted}")
    endif()
  endforeach()
  if(problems)
    message(FATAL_ERROR "ppsaudit rules eval '${EXPRESSION}':\n${problems}")
  endif()
  return()
endif()

include(${CMAKE_CURRENT_SOURCE_DIR}/conformance/conformance.cmake)

function(ppsaudit_rules_eval_test name expression exit_status stdout stderr)
  add_test(NAME e2e/rules-eval/${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:ppsaudit> "-DEXPRESSION=${expression}"
      -DEXPECT_EXIT=${exit_status} "-DEXPECT_STDOUT=${stdout}" "-DEXPECT_STDERR=${stderr}"
      -P ${CMAKE_CURRENT_LIST_FILE})
endfunction()

ppsaudit_rules_eval_test(macro "[1, 2, 3].exists(x, x > 2)" 0 "true" "")
ppsaudit_rules_eval_test(division-by-zero "1 / 0" 1 "" "expression:1:3: error: division by zero")
ppsaudit_rules_eval_test(type-error "size(1) + 'days'" 2 ""
  "expression:1:1: error: found no matching overload for 'size' applied to '(int)'")
ppsaudit_rules_eval_test(undeclared "as_off > timestamp('2024-01-01T00:00:00Z')" 2 ""
  "expression:1:1: error: undeclared reference to 'as_off' (did you mean 'as_of'?)")
ppsaudit_rules_eval_test(literal-syntax "{'a': [1, 2.5, \"q\\\"\"], 'b': duration('90m')}" 0
  "{\"a\": [1, 2.5, \"q\\\"\"], \"b\": duration(\"5400s\")}" "")
ppsaudit_rules_eval_test(parse-error "1 +" 2 "" "expression:1:4: error: unexpected end of expression")
