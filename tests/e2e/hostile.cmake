# The hostile-input corpus (issue 12): every file in tests/hostile/<area>/ is one test of the
# real binary, its set-up and expectations written inside it (see tests/scripts/hostile.py).
# Areas: service (service files), pack (rule packs and expressions), command-line, output
# (report paths) and run (what happens to a run: signals, many files).
file(GLOB hostile_areas LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/tests/hostile/*)
foreach(area_dir ${hostile_areas})
  if(IS_DIRECTORY ${area_dir})
    get_filename_component(area ${area_dir} NAME)
    file(GLOB cases CONFIGURE_DEPENDS ${area_dir}/*)
    foreach(case ${cases})
      get_filename_component(name ${case} NAME)
      file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${case})
      add_test(NAME hostile/${area}/${name}
        COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/hostile.py
          --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
          --work-dir ${CMAKE_CURRENT_BINARY_DIR}/generated/hostile/${area}/${name} ${relative})
    endforeach()
  endif()
endforeach()
