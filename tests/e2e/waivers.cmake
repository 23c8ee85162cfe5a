# Waivers (issue 14; man/ppsaudit-service.5, "waivers"; man/ppsaudit.1, check): each case runs
# `ppsaudit check` over a service file in tests/waivers/ and checks its exit status, its stderr
# and what each report format says of the waivers (tests/scripts/waivers_check.py).
foreach(case waived expired stale statutory-allowed no-waivers json-schema text junit markdown html xlsx github
        max-waiver-days counts top-actions compare baseline due)
  add_test(NAME e2e/waivers/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/waivers_check.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/waivers ${case})
endforeach()
