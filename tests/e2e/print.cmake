# The HTML inspection pack printed as a manager prints it: Chromium's print dialog defaults
# (background graphics off), then the PDF read back with poppler-utils (pdftoppm, pdftotext):
# the charts keep their colours on page one, no area name is cut mid-word, and page one has the
# practice levels and top actions (tests/scripts/print_pack.py says how). The first page of each
# is kept as build/tests/print/NAME/page-1.png. The Cambridgeshire run also prints two pages
# made to fail, so that neither check can pass by checking nothing.
function(ppsaudit_print_test name)
  add_test(NAME print/${name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/print_pack.py --binary $<TARGET_FILE:ppsaudit>
      --source-dir ${PROJECT_SOURCE_DIR} --tools ${PROJECT_SOURCE_DIR}/tests/tools/node_modules
      --out-dir ${CMAKE_CURRENT_BINARY_DIR}/print/${name} ${ARGN})
endfunction()
ppsaudit_print_test(cambridgeshire-pps --controls --
  examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
ppsaudit_print_test(east-sussex-parent-link --
  examples/east-sussex-parent-link.yaml --rules examples/east-sussex-parent-link.rules.yaml --as-of 2011-12-31)
