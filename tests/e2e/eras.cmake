# Eras (man/ppsaudit.1, ERAS): no framework is applied outside its time without saying so.
#
# This file has two roles. Included by tests/CMakeLists.txt it registers the tests; run with
# `cmake -P` by one of those tests it runs `ppsaudit ARGS` from the source tree and checks the
# exit status, that each '|'-separated text of EXPECT_STDERR and EXPECT_STDOUT occurs in that
# stream, and that no text of REJECT_STDERR occurs in standard error. A text must not hold a
# '[': CMake does not split a list inside brackets.
if(CMAKE_SCRIPT_MODE_FILE)
  separate_arguments(args UNIX_COMMAND "${ARGS}")
  execute_process(COMMAND ${BINARY} ${args} WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  # The text report wraps its lines: search it, and the texts, with each run of spaces and line
  # breaks as one space.
  string(REGEX REPLACE "[ \n]+" " " stdout "${stdout}")
  string(REGEX REPLACE "[ \n]+" " " EXPECT_STDOUT "${EXPECT_STDOUT}")
  set(problems "")
  if(NOT status STREQUAL EXPECT_EXIT)
    string(APPEND problems "exit status ${status}, expected ${EXPECT_EXIT}\n")
  endif()
  foreach(stream stdout stderr)
    string(TOUPPER ${stream} upper)
    string(REPLACE "|" ";" wanted "${EXPECT_${upper}}")
    foreach(text IN LISTS wanted)
      string(FIND "${${stream}}" "${text}" at)
      if(at EQUAL -1)
        string(APPEND problems "${stream} lacks: ${text}\n")
      endif()
    endforeach()
  endforeach()
  string(REPLACE "|" ";" rejected "${REJECT_STDERR}")
  foreach(text IN LISTS rejected)
    string(FIND "${stderr}" "${text}" at)
    if(NOT at EQUAL -1)
      string(APPEND problems "stderr has: ${text}\n")
    endif()
  endforeach()
  if(problems)
    message(FATAL_ERROR "ppsaudit ${ARGS}:\n${problems}stdout was:\n${stdout}\nstderr was:\n${stderr}")
  endif()
  return()
endif()

function(ppsaudit_era_test name args exit_status stdout stderr)
  add_test(NAME e2e/eras/${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:ppsaudit> -DSOURCE_DIR=${PROJECT_SOURCE_DIR} "-DARGS=${args}"
      -DEXPECT_EXIT=${exit_status} "-DEXPECT_STDOUT=${stdout}" "-DEXPECT_STDERR=${stderr}" "-DREJECT_STDERR=${ARGN}"
      -P ${CMAKE_CURRENT_LIST_FILE})
endfunction()

set(pps examples/cambridgeshire-pps.yaml)
set(pps_framework "examples/cambridgeshire-pps.yaml:13:14")
set(iass tests/good-input/era-sendiass.yaml)
set(iass_framework "tests/good-input/era-sendiass.yaml:9:14")
set(pps_as_iass_1 "the service's framework is 'sen_cop_2001' (profile 'pps'), but it is audited with profile 'iass'")
set(pps_as_iass_2 "profile 'iass' did not yet apply on 2008-07-31 (applies from 2014-09-01)")
set(cfa_2008 "the SEND Code of Practice 2015 and Children and Families Act 2014 did not yet apply on 2008-07-31 (applies from 2014-09-01)")

# A 2008 PPS with --profile iass: two warnings, and the audit still runs, every 2014 rule not applicable.
# It exits 1: the service's own commitments (its local pack, which applies in any profile) are
# not all met.
ppsaudit_era_test(pps-2008-as-iass "check ${pps} --profile iass --as-of 2008-07-31" 1
  "warning: ${pps_as_iass_1}\n  at ${pps_framework}\n|warning: ${pps_as_iass_2}\n|== SEND Code of Practice 2015 and Children and Families Act 2014 ==\n|NOT APPLICABLE: send-cop-2015/audiences (${cfa_2008})\n|NOT APPLICABLE: iass-2018/joint-commissioning (the SENDIAS Minimum Standards 2018 did not yet apply on 2008-07-31 (applies from 2018-09-01))"
  "${pps_framework}: warning: ${pps_as_iass_1}\n${pps_framework}: warning: ${pps_as_iass_2}\n")
ppsaudit_era_test(pps-2008-as-iass-strict "check ${pps} --profile iass --as-of 2008-07-31 --era strict" 2 ""
  "${pps_framework}: error: ${pps_as_iass_1}\n${pps_framework}: error: ${pps_as_iass_2}\n")

# Every format carries the warnings near its top.
ppsaudit_era_test(pps-2008-as-iass-json "check ${pps} --profile iass --as-of 2008-07-31 --format json" 1
  "\"as_of\": \"2008-07-31\",\n      \"warnings\": |\"kind\": \"era\",\n          \"message\": \"${pps_as_iass_1}\"|\"message\": \"${pps_as_iass_2}\"|\"message\": \"${cfa_2008}\""
  "warning: ${pps_as_iass_1}")
ppsaudit_era_test(pps-2008-as-iass-junit "check ${pps} --profile iass --as-of 2008-07-31 --format junit" 1
  "<property name=\"era_warning\" value=\"${pps_framework}: the service&apos;s framework is &apos;sen_cop_2001&apos;"
  "warning: ${pps_as_iass_1}")
ppsaudit_era_test(pps-2008-as-iass-sarif "check ${pps} --profile iass --as-of 2008-07-31 --format sarif" 1
  "\"invocations\": |\"executionSuccessful\": true,|\"toolExecutionNotifications\": |\"text\": \"${pps_as_iass_2}\"|\"level\": \"warning\""
  "warning: ${pps_as_iass_1}")
ppsaudit_era_test(pps-2008-as-iass-markdown "check ${pps} --profile iass --as-of 2008-07-31 --format markdown" 1
  "- Audit date: 2008-07-31\n|\n## Era warnings\n\n- **Warning:** the service's framework is 'sen\\_cop\\_2001'"
  "warning: ${pps_as_iass_1}")
ppsaudit_era_test(pps-2008-as-iass-html "check ${pps} --profile iass --as-of 2008-07-31 --format html" 1
  "<h2>Era warnings</h2>\n<ul class=\"warnings\">\n<li><strong>Warning:</strong> the service&#39;s framework is"
  "warning: ${pps_as_iass_1}")

# A SENDIASS file as of 2010: before the 2014 Act, so its own profile did not yet apply.
set(iass_2010 "the service's framework 'send_cop_2015' (profile 'iass') did not yet apply on 2010-07-31 (applies from 2014-09-01)")
ppsaudit_era_test(iass-as-of-2010 "check ${iass} --as-of 2010-07-31" 0
  "warning: ${iass_2010}\n  at ${iass_framework}\n|NOT APPLICABLE: send-cop-2015/audiences (the SEND Code of Practice 2015 and Children and Families Act 2014 did not yet apply on 2010-07-31 (applies from 2014-09-01))"
  "${iass_framework}: warning: ${iass_2010}\n")

# A PPS file as of 2019: the 2001 Code no longer applied; the undated NPPN impartiality guidance still does.
set(pps_2019 "the service's framework 'sen_cop_2001' (profile 'pps') no longer applied on 2019-03-31 (replaced on 2014-09-01)")
ppsaudit_era_test(pps-as-of-2019 "check ${pps} --as-of 2019-03-31 --fail-on none" 0
  "warning: ${pps_2019}\n|NOT APPLICABLE: sen-cop-2001/advice-for-parents (the SEN Code of Practice 2001 no longer applied on 2019-03-31 (replaced on 2014-09-01))|NOT APPLICABLE: stone-2004/reflects-parents-wishes (the Stone 2004 practice guide no longer applied on 2019-03-31 (replaced on 2014-09-01))|NOT APPLICABLE: nppn-2010/arms-length-minimum (the NPPN 2010 exemplification no longer applied on 2019-03-31 (replaced on 2014-09-01))|== NPPN impartiality guidance =="
  "${pps_framework}: warning: ${pps_2019}\n")

# A PPS file as of 2016, while cases begun under the 2001 Code ran on (to 2018-04-01, domain.md
# §15.2): still outside its era, and both the warning and the Code's rules say why an audit then
# can be deliberate; Stone 2004, which has no transitional date, says only that it was replaced.
set(pps_2016 "the service's framework 'sen_cop_2001' (profile 'pps') no longer applied to new cases on 2016-01-01 (replaced on 2014-09-01); cases begun under it ran on to 2018-04-01, so audit with it on purpose only for such a case")
ppsaudit_era_test(pps-transitional-2016 "check ${pps} --as-of 2016-01-01 --fail-on none" 0
  "warning: ${pps_2016}
|NOT APPLICABLE: sen-cop-2001/advice-for-parents (the SEN Code of Practice 2001 no longer applied to new cases on 2016-01-01 (replaced on 2014-09-01); cases begun under it ran on to 2018-04-01|NOT APPLICABLE: stone-2004/reflects-parents-wishes (the Stone 2004 practice guide no longer applied on 2016-01-01 (replaced on 2014-09-01))"
  "${pps_framework}: warning: ${pps_2016}
")

# In its own era, a service's audit gives no warning; so does --profile naming its own profile.
ppsaudit_era_test(pps-in-era "check ${pps} --profile pps --as-of 2008-07-31 --fail-on none" 0 "" "" "warning")
ppsaudit_era_test(iass-in-era "check ${iass} --as-of 2019-03-31 --fail-on none" 0 "" "" "warning")
