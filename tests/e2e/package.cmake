# Installing and packaging (CMakeLists.txt, after the targets).
# package/install: `cmake --install` into a fresh prefix puts every file where it belongs
# (tests/scripts/install_layout.cmake says what it checks).
add_test(NAME package/install
  COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DPREFIX=${CMAKE_CURRENT_BINARY_DIR}/package-install
    -DSOURCE=${PROJECT_SOURCE_DIR} -DVERSION=${PROJECT_VERSION} -DBINDIR=${CMAKE_INSTALL_BINDIR}
    -DDATADIR=${CMAKE_INSTALL_DATADIR} -DMANDIR=${CMAKE_INSTALL_MANDIR} -DDOCDIR=${CMAKE_INSTALL_DOCDIR}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/install_layout.cmake)
# package/deb: the .deb that the README's optional third command builds, checked with lintian,
# dpkg-deb and by running it (tests/scripts/package_deb.sh). cpack packs the built tree without
# rebuilding it. Not in a sanitizer or fuzzing build: that binary is not one to ship, and
# lintian would only check the same package again.
find_program(PPSAUDIT_BASH bash)
if(NOT PPSAUDIT_SANITIZE AND NOT PPSAUDIT_FUZZ)
  add_test(NAME package/deb
    COMMAND ${PPSAUDIT_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/package_deb.sh ${CMAKE_CPACK_COMMAND}
      ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/package-deb ${PROJECT_VERSION})
  set_tests_properties(package/deb PROPERTIES SKIP_RETURN_CODE 77)
endif()
