# The configuration file (man/ppsaudit.1, CONFIGURATION), in a temporary register built by
# tests/scripts/config_file.py: found by walking up, overridden by the command line, ignored
# with --no-config, named with --config, refused when malformed, and known to validate.
foreach(case walk-up override no-config named malformed validate)
  add_test(NAME config/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/config_file.py --case ${case}
      --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR} --work-dir ${CMAKE_CURRENT_BINARY_DIR}/config)
endforeach()
