# Installs the build into a fresh PREFIX and fails unless both completion scripts are where
# the shells look for them, each the same as `ppsaudit completion SHELL` prints.
# Usage: cmake -DBUILD=build -DPREFIX=/tmp/prefix -DDATADIR=share -DBINDIR=bin -P completion_install.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(
  COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
  OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install exited ${status}:\n${output}${errors}")
endif()
foreach(entry "bash=${DATADIR}/bash-completion/completions/ppsaudit" "zsh=${DATADIR}/zsh/vendor-completions/_ppsaudit")
  string(REPLACE "=" ";" entry "${entry}")
  list(GET entry 0 shell)
  list(GET entry 1 path)
  if(NOT EXISTS ${PREFIX}/${path})
    message(FATAL_ERROR "cmake --install put no ${shell} completion at ${PREFIX}/${path}")
  endif()
  execute_process(
    COMMAND ${PREFIX}/${BINDIR}/ppsaudit completion ${shell}
    OUTPUT_VARIABLE printed RESULT_VARIABLE status)
  file(READ ${PREFIX}/${path} installed)
  if(NOT status EQUAL 0 OR NOT installed STREQUAL printed)
    message(FATAL_ERROR "${PREFIX}/${path} is not what 'ppsaudit completion ${shell}' prints")
  endif()
endforeach()
file(REMOVE_RECURSE ${PREFIX})
message(STATUS "the completion scripts install to ${DATADIR}/bash-completion and ${DATADIR}/zsh")
