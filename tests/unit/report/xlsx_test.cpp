#include "report/xlsx.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

using ppsaudit::report::sheet_name;

TEST_CASE("makes a framework's sheet name one Excel takes: no []:*?/\\, no apostrophe at either end") {
  std::vector<std::string> taken;
  CHECK(sheet_name("Code [2001]: ch.2 / *draft*?\\x", taken) == "Code -2001-- ch.2 - -draft---x");
  CHECK(sheet_name("'Quoted'", taken) == "Quoted");
  CHECK(sheet_name("'''", taken) == "Framework");
}

TEST_CASE("cuts a sheet name to 31 characters, counting characters and not bytes") {
  std::vector<std::string> taken;
  CHECK(sheet_name("Cambridgeshire PPS Impartiality Policy (the service's own commitments)", taken) ==
        "Cambridgeshire PPS Impartiality");
  const std::string accented = sheet_name(
      "\u00c9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9xyz",
      taken);
  CHECK(accented.size() == 30 * 2 + 1);
  CHECK(accented.back() == 'x');
}

TEST_CASE("keeps sheet names unique whatever the case, within 31 characters") {
  std::vector<std::string> taken{"Summary"};
  CHECK(sheet_name("summary", taken) == "summary (2)");
  CHECK(sheet_name("A framework whose name is much longer than Excel allows", taken) ==
        "A framework whose name is much");
  CHECK(sheet_name("A framework whose name is much longer still", taken) == "A framework whose name is m (2)");
  CHECK(taken.size() == 4);
}
