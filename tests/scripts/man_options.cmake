# Runs `ppsaudit COMMAND --help`, takes every long option it prints, and fails naming each one
# that the command's section of the manual page does not mention (in roff, as \-\-name,
# \fB\-\-name or --name).
# Usage: cmake -DPPSAUDIT=ppsaudit "-DCOMMAND=rules eval" -DPAGE=man/ppsaudit.1 -P man_options.cmake
separate_arguments(words UNIX_COMMAND "${COMMAND}")
execute_process(
  COMMAND ${PPSAUDIT} ${words} --help
  OUTPUT_VARIABLE help ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ppsaudit ${COMMAND} --help exited ${status}: ${errors}")
endif()
string(REGEX MATCHALL "--[a-z][a-z0-9-]*" options "${help}")
list(REMOVE_DUPLICATES options)
if(options STREQUAL "")
  message(FATAL_ERROR "ppsaudit ${COMMAND} --help printed no long option:\n${help}")
endif()

file(READ ${PAGE} page)
# Roff escapes each '-' of an option as '\-'; undo that (and font changes such as \fB) so that
# the option can be searched for as it is typed.
string(REPLACE "\\-" "-" plain "${page}")
string(REGEX REPLACE "\\\\f[BIRP]" "" plain "${plain}")
# Each option must be documented in the command's own section (".SS rules eval" up to the next
# .SS or .SH); --help, common to all, may be documented once for all.
string(FIND "${plain}" "\n.SS ${COMMAND}\n" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${PAGE} has no section '.SS ${COMMAND}'")
endif()
string(SUBSTRING "${plain}" ${start} -1 section)
string(LENGTH ".SS ${COMMAND}" heading)
math(EXPR heading "${heading} + 1")
string(SUBSTRING "${section}" ${heading} -1 rest)
string(REGEX MATCH "\n[.]S[SH] " next "${rest}")
if(next)
  string(FIND "${rest}" "${next}" end)
  string(SUBSTRING "${rest}" 0 ${end} section)
else()
  set(section "${rest}")
endif()
set(missing "")
foreach(option ${options})
  if(option STREQUAL "--help")
    set(text "${plain}")
  else()
    set(text "${section}")
  endif()
  string(REGEX REPLACE "([.+*?])" "\\\\\\1" pattern "${option}")
  # The whole option: --as-of must not be satisfied by --as-of-date, nor --rules by --rules-x.
  if(NOT text MATCHES "${pattern}([^a-z0-9-]|$)")
    list(APPEND missing ${option})
  endif()
endforeach()
if(missing)
  list(JOIN missing ", " names)
  message(FATAL_ERROR "${PAGE} does not document these options of 'ppsaudit ${COMMAND}' (under .SS ${COMMAND}): ${names}")
endif()
list(JOIN options ", " names)
message(STATUS "ppsaudit ${COMMAND}: ${names}: all documented in ${PAGE}")
