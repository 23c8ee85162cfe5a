# Attestations name rules (man/ppsaudit-service.5, attestations): the page's own example attests
# its rule, each report shows the YAML that attests a rule that needs it (pasted in, it does),
# and a register reports an attestation that names no rule in use as the file's error entry.
foreach(case man-example snippet-text snippet-markdown snippet-json snippet-html register)
  add_test(NAME e2e/attestations-${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/attestations.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/attestations/${case} ${case})
endforeach()
