# Every format lists findings in the one report order (man/ppsaudit.1, "The order of findings"):
# text, Markdown, HTML, JSON, JUnit and SARIF, for both examples and for two services at once.
set(PPSAUDIT_ORDER_SUBJECTS cambridgeshire-pps east-sussex-parent-link two-services)
set(PPSAUDIT_ORDER_cambridgeshire-pps
    examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
set(PPSAUDIT_ORDER_east-sussex-parent-link
    examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml --as-of 2011-12-31)
set(PPSAUDIT_ORDER_two-services
    examples/cambridgeshire-pps.yaml examples/east-sussex-parent-link.yaml --as-of 2011-12-31)
foreach(subject ${PPSAUDIT_ORDER_SUBJECTS})
  add_test(NAME report/order-${subject}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/report_order.py
      $<TARGET_FILE:ppsaudit> ${PROJECT_SOURCE_DIR} -- ${PPSAUDIT_ORDER_${subject}})
endforeach()
