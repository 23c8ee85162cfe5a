#include <doctest/doctest.h>

#include <fmt/format.h>

#include "calendar/date.hpp"

using ppsaudit::Date;
using ppsaudit::parse_date;

namespace {

Date date(int year, int month, int day) {
  auto result = Date::from_ymd(year, month, day);
  REQUIRE(result.has_value());
  return *result;
}

std::string parse_error(std::string_view text) {
  auto result = parse_date(text);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("parses an ISO 8601 date and prints it back the same") {
  auto parsed = parse_date("2007-09-01");
  REQUIRE(std::holds_alternative<Date>(parsed));
  CHECK(std::get<Date>(parsed).to_string() == "2007-09-01");
  CHECK(std::get<Date>(parsed) == date(2007, 9, 1));
}

TEST_CASE("refuses dates that do not exist, saying why") {
  CHECK(parse_error("2008-02-30") == "'2008-02-30' is not a date: 2008-02 has no day 30");
  CHECK(parse_error("2007-02-29") == "'2007-02-29' is not a date: 2007-02 has no day 29");
  CHECK(parse_error("2008-13-01") == "'2008-13-01' is not a date: there is no month 13");
  CHECK(parse_error("2008-00-10") == "'2008-00-10' is not a date: there is no month 0");
  CHECK(parse_error("0000-01-01") == "'0000-01-01' is not a date: there is no year 0");
  CHECK(std::holds_alternative<Date>(parse_date("2008-02-29")));
}

TEST_CASE("refuses anything but the exact YYYY-MM-DD form") {
  for (const char* text : {"2008-2-3", "01/09/2007", "2007-09-01T10:00", " 2007-09-01", "last spring", ""}) {
    CAPTURE(text);
    CHECK(parse_error(text) == fmt::format("'{}' is not a date: write it as YYYY-MM-DD", text));
  }
}

TEST_CASE("adds calendar months and clamps to the end of a shorter month") {
  CHECK(date(2008, 1, 31).add_months(1) == date(2008, 2, 29));
  CHECK(date(2007, 1, 31).add_months(1) == date(2007, 2, 28));
  CHECK(date(2007, 9, 1).add_months(24) == date(2009, 9, 1));
  CHECK(date(2008, 3, 15).add_months(-3) == date(2007, 12, 15));
  CHECK(date(2007, 12, 31).add_days(1) == date(2008, 1, 1));
}

TEST_CASE("counts whole months the way add_months steps them") {
  CHECK(ppsaudit::months_between(date(2008, 1, 31), date(2008, 2, 28)) == 0);
  CHECK(ppsaudit::months_between(date(2008, 1, 31), date(2008, 2, 29)) == 1);  // 31 Jan + 1 month = 29 Feb
  CHECK(ppsaudit::months_between(date(2008, 1, 15), date(2008, 2, 14)) == 0);
  CHECK(ppsaudit::months_between(date(2008, 1, 15), date(2008, 2, 15)) == 1);
  CHECK(ppsaudit::months_between(date(2007, 9, 1), date(2008, 9, 1)) == 12);
  CHECK(ppsaudit::months_between(date(2008, 9, 1), date(2007, 9, 1)) == -12);
}

TEST_CASE("finds Easter Sunday in the Gregorian calendar") {
  CHECK(ppsaudit::easter_sunday(2008) == date(2008, 3, 23));
  CHECK(ppsaudit::easter_sunday(2011) == date(2011, 4, 24));
  CHECK(ppsaudit::easter_sunday(2026) == date(2026, 4, 5));
}
