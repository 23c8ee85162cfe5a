# The shell completion scripts that the build writes with `ppsaudit completion SHELL` (see
# CMakeLists.txt): bash's driven as bash does on TAB, zsh's parsed and driven with zsh's
# completion builtins stubbed, and both installed where the shells look for them.
find_program(PPSAUDIT_BASH bash)
add_test(NAME completion/bash
  COMMAND ${PPSAUDIT_BASH} --norc --noprofile ${CMAKE_CURRENT_SOURCE_DIR}/scripts/bash_completion.sh
    $<TARGET_FILE:ppsaudit> ${PPSAUDIT_BASH_COMPLETION}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# zsh is not installed everywhere (Debian: zsh; .ci/setup --tests installs it): without it
# the test is skipped, not passed.
find_program(PPSAUDIT_ZSH zsh)
if(PPSAUDIT_ZSH)
  add_test(NAME completion/zsh
    COMMAND ${PPSAUDIT_ZSH} -f ${CMAKE_CURRENT_SOURCE_DIR}/scripts/zsh_completion.zsh
      $<TARGET_FILE:ppsaudit> ${PPSAUDIT_ZSH_COMPLETION}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
else()
  add_test(NAME completion/zsh COMMAND ${CMAKE_COMMAND} -E echo "zsh is not installed (Debian: zsh)")
  set_tests_properties(completion/zsh PROPERTIES SKIP_REGULAR_EXPRESSION "zsh is not installed")
endif()
# `cmake --install` puts them in bash-completion/completions/ppsaudit and
# zsh/vendor-completions/_ppsaudit under CMAKE_INSTALL_DATADIR, where Debian's bash-completion
# and zsh look for them: package/install and package/deb check it (tests/e2e/package.cmake).
