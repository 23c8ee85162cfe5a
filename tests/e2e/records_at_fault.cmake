# Records at fault (man/ppsaudit-rules.5, "Records at fault"): a not-met finding about one
# person points at that person, not at the first person or at the 'people:' key.
#
# This file has two roles. Included by tests/CMakeLists.txt it registers the tests; run with
# `cmake -P` by one of those tests it runs `ppsaudit check` from the source tree and checks that
# the text report's finding of RULE is not met and says `where: WHERE`.
if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND ${BINARY} check ${SERVICE} --as-of ${AS_OF} --fail-on none --color never
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "ppsaudit check exited ${status}:\n${stderr}")
  endif()
  # The text report wraps a finding's lines: a field's further lines are indented 13 spaces, a
  # heading's 4. Joined again, each finding is a heading and one line a field.
  string(REGEX REPLACE "\n             " " " stdout "${stdout}")
  string(REGEX REPLACE "\n    ([^ ])" " \\1" stdout "${stdout}")
  string(REGEX MATCH "  NOT MET \\[[a-z _]+\\] ${RULE}:[^\n]*\n(      [a-z]+: [^\n]*\n)*" block "${stdout}")
  if(block STREQUAL "")
    message(FATAL_ERROR "no NOT MET finding of ${RULE} in:\n${stdout}")
  endif()
  string(REGEX MATCH "\n      where: ([^\n]*)\n" unused "${block}")
  if(NOT CMAKE_MATCH_1 STREQUAL WHERE)
    message(FATAL_ERROR "${RULE} points at '${CMAKE_MATCH_1}', expected '${WHERE}':\n${block}")
  endif()
  return()
endif()

function(ppsaudit_at_fault_test name service as_of rule where)
  add_test(NAME e2e/at-fault/${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:ppsaudit> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
      -DSERVICE=${service} -DAS_OF=${as_of} -DRULE=${rule} -DWHERE=${where} -P ${CMAKE_CURRENT_LIST_FILE})
endfunction()

# The volunteer, second in the list, starts at line 19, column 5 (`id: volunteer`).
set(service tests/good-input/records-at-fault.yaml)
ppsaudit_at_fault_test(untrained-volunteer ${service} 2010-07-31 nppn-2010/staff-minimum ${service}:19:5)
ppsaudit_at_fault_test(untrained-ips ${service} 2008-07-31 sen-cop-2001/ips-recruited-and-trained ${service}:19:5)
