# Runs `ppsaudit COMMAND --help` and compares the long options it lists with those that
# ppsaudit(1) documents for the command, both ways: it fails naming each option of --help that
# the command's section of the page does not mention (in roff, as \-\-name, \fB\-\-name or
# --name), and each option that the page documents for the command (an entry of its section,
# the tag after .TP, or its line of the SYNOPSIS) that --help does not list.
# Usage: cmake -DPPSAUDIT=ppsaudit "-DCOMMAND=rules eval" -DPAGE=man/ppsaudit.1 -P man_options.cmake
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
# The long options ("--name") named in each of the pieces of text `texts`, in order.
function(long_options result texts)
  set(names "")
  foreach(text ${texts})
    string(REGEX MATCHALL "--[a-z][a-z0-9-]*" named "${text}")
    list(APPEND names ${named})
  endforeach()
  set(${result} "${names}" PARENT_SCOPE)
endfunction()

separate_arguments(words UNIX_COMMAND "${COMMAND}")
execute_process(
  COMMAND ${PPSAUDIT} ${words} --help
  OUTPUT_VARIABLE help ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ppsaudit ${COMMAND} --help exited ${status}: ${errors}")
endif()
# The options CLI11 lists, each at the start of a line ("  -q,--quiet", "  --format TEXT"), not
# those that descriptions mention.
string(REGEX MATCHALL "\n  +(-[A-Za-z],)?--[a-z][a-z0-9-]*" listed "${help}")
long_options(options "${listed}")
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

# The other way: every option that the page documents for the command must be one of --help's.
# Its entries are the tags after .TP in its section; its synopsis is the paragraph of the
# SYNOPSIS that starts ".B ppsaudit COMMAND".
string(REGEX MATCHALL "\n[.]TP\n[^\n]*" tags "${section}")
long_options(documented "${tags}")
string(FIND "${plain}" "\n.SH SYNOPSIS\n" synopsis_start)
string(FIND "${plain}" "\n.SH DESCRIPTION\n" synopsis_end)
if(synopsis_start EQUAL -1 OR synopsis_end LESS synopsis_start)
  message(FATAL_ERROR "${PAGE} has no SYNOPSIS followed by a DESCRIPTION")
endif()
math(EXPR synopsis_length "${synopsis_end} - ${synopsis_start}")
string(SUBSTRING "${plain}" ${synopsis_start} ${synopsis_length} synopsis)
string(FIND "${synopsis}" "\n.B ppsaudit ${COMMAND}\n" usage_start)
if(usage_start EQUAL -1)
  message(FATAL_ERROR "${PAGE} has no '.B ppsaudit ${COMMAND}' in its SYNOPSIS")
endif()
string(SUBSTRING "${synopsis}" ${usage_start} -1 usage)
string(FIND "${usage}" "\n.PP\n" usage_end)
if(NOT usage_end EQUAL -1)
  string(SUBSTRING "${usage}" 0 ${usage_end} usage)
endif()
long_options(named "${usage}")
list(APPEND documented ${named})
list(REMOVE_DUPLICATES documented)
set(gone "")
foreach(option ${documented})
  if(NOT option IN_LIST options)
    list(APPEND gone ${option})
  endif()
endforeach()
if(gone)
  list(JOIN gone ", " names)
  message(FATAL_ERROR "${PAGE} documents options that 'ppsaudit ${COMMAND} --help' does not list: ${names}")
endif()

list(JOIN options ", " names)
message(STATUS "ppsaudit ${COMMAND}: ${names}: exactly those documented in ${PAGE}")
