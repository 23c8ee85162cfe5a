# Every file in tests/bad-input/ and tests/good-input/ is one end-to-end test of the real
# binary; its expectations are written inside it (see tests/scripts/expect.py).
foreach(kind bad-input good-input bad-rules)
  file(GLOB cases CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/${kind}/*)
  foreach(case ${cases})
    get_filename_component(name ${case} NAME)
    file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR} ${case})
    add_test(NAME ${kind}/${name}
      COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/expect.py
        --binary $<TARGET_FILE:ppsaudit> --source-dir ${PROJECT_SOURCE_DIR}
        --work-dir ${CMAKE_CURRENT_BINARY_DIR}/generated ${relative})
  endforeach()
endforeach()
