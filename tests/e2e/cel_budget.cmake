# Issue 12, finding 1, through `ppsaudit check`: a rule pack whose check or message walks a list
# of 2^40 shared leaves (tests/bad-rules/cel-budget-*.yaml) finishes at once. The check is not
# assessable for want of budget; the message shows the comparison's budget error and is cut at
# 4096 bytes with "…".
#
# This file has two roles. Included by tests/CMakeLists.txt it registers the tests; run with
# `cmake -P` by one of those tests it writes a service file, runs `ppsaudit check` on it with
# PACK and checks what the text report says of RULE.
if(CMAKE_SCRIPT_MODE_FILE)
  file(WRITE ${WORK_DIR}/service.yaml
    "ppsaudit: 1\n"
    "service: {name: S, local_authority: C, hosting: in_house, framework: sen_cop_2001, audiences: [parents_and_carers]}\n"
    "policies: [${POLICIES}]\n")
  execute_process(COMMAND ${BINARY} check ${WORK_DIR}/service.yaml --rules ${PACK} --as-of 2010-01-01
      --fail-on none --color never
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "ppsaudit check exited ${status}:\n${stderr}")
  endif()
  # The text report wraps a finding's lines: a field's further lines are indented 13 spaces, a
  # heading's 4. Joined again, each finding is a heading and one line a field.
  string(REGEX REPLACE "\n             " " " stdout "${stdout}")
  string(REGEX REPLACE "\n    ([^ ])" " \\1" stdout "${stdout}")
  string(REGEX MATCH "\n  ${OUTCOME} \\[good practice\\] ${RULE}: [^\n]*\n      what:  ([^\n]*)\n" block "${stdout}")
  set(what "${CMAKE_MATCH_1}")
  if(block STREQUAL "")
    message(FATAL_ERROR "no ${OUTCOME} finding of ${RULE} in:\n${stdout}")
  endif()
  if(NOT what MATCHES "^${WHAT}")
    message(FATAL_ERROR "${RULE} says '${what}', expected it to start '${WHAT}'")
  endif()
  string(LENGTH "${what}" length)
  if(length GREATER 4096)
    message(FATAL_ERROR "${RULE}'s message is ${length} bytes, past the limit of 4096")
  endif()
  return()
endif()

function(ppsaudit_cel_budget_test name pack policies rule outcome what)
  add_test(NAME e2e/cel-budget/${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:ppsaudit> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/generated/cel-budget-${name} -DPACK=${pack}
      "-DPOLICIES=${policies}" -DRULE=${rule} "-DOUTCOME=${outcome}" "-DWHAT=${what}" -P ${CMAKE_CURRENT_LIST_FILE})
  # Before the fix these ran for hours; a minute is failure enough.
  set_tests_properties(e2e/cel-budget/${name} PROPERTIES TIMEOUT 60)
endfunction()

ppsaudit_cel_budget_test(check tests/bad-rules/cel-budget-check.yaml "{id: i, kind: impartiality, title: I}"
  demo/policy "NOT ASSESSABLE" "evaluation cost budget of 1000000 exceeded$")
ppsaudit_cel_budget_test(message-printed tests/bad-rules/cel-budget-message.yaml "" demo/policy
  "NOT MET" "There is no impartiality policy: 1, 1, 1, .*, 1…$")
ppsaudit_cel_budget_test(message-compared tests/bad-rules/cel-budget-message.yaml "" demo/policy-compared
  "NOT MET" "There is no impartiality policy \\(\\[evaluation cost budget of 1000000 exceeded\\]\\)\\.$")
