#include <doctest/doctest.h>

#include "calendar/school_calendar.hpp"

using ppsaudit::Date;
using ppsaudit::SchoolCalendar;

namespace {

Date date(int year, int month, int day) {
  return *Date::from_ymd(year, month, day);
}

}  // namespace

TEST_CASE("splits the English academic year into three terms around Easter") {
  const auto terms = SchoolCalendar::english_default().terms_of(2007);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].label() == "autumn 2007/08");
  CHECK(terms[0].starts == date(2007, 9, 1));
  CHECK(terms[0].ends == date(2007, 12, 31));
  CHECK(terms[1].name == "spring");
  CHECK(terms[1].ends == date(2008, 3, 22));  // Easter Sunday 2008 was 23 March
  CHECK(terms[2].name == "summer");
  CHECK(terms[2].starts == date(2008, 3, 23));
  CHECK(terms[2].ends == date(2008, 7, 31));
}

TEST_CASE("treats August as a holiday with no term") {
  const auto calendar = SchoolCalendar::english_default();
  CHECK_FALSE(calendar.term_containing(date(2008, 8, 15)).has_value());
  CHECK(calendar.latest_term_started_by(date(2008, 8, 15)).label() == "summer 2007/08");
  CHECK(calendar.term_containing(date(2008, 1, 10))->label() == "spring 2007/08");
}

TEST_CASE("names academic years the way services write them") {
  CHECK(SchoolCalendar::academic_year_of(date(2008, 3, 1)) == 2007);
  CHECK(SchoolCalendar::academic_year_of(date(2008, 9, 1)) == 2008);
  CHECK(SchoolCalendar::academic_year_label(2007) == "2007/08");
  CHECK(SchoolCalendar::academic_year_label(1999) == "1999/00");
}

TEST_CASE("lets dated terms replace a year's windows") {
  const SchoolCalendar calendar(SchoolCalendar::english_default().windows(),
                                {{"autumn", 2007, date(2007, 9, 5), date(2007, 12, 19)}});
  const auto terms = calendar.terms_of(2007);
  CHECK(terms[0].starts == date(2007, 9, 5));
  CHECK(terms[0].ends == date(2007, 12, 19));
  CHECK_FALSE(calendar.term_containing(date(2007, 12, 24)).has_value());
  CHECK(calendar.terms_of(2008)[0].starts == date(2008, 9, 1));  // other years keep the window
}

TEST_CASE("lists the terms that start within a period") {
  const auto terms = SchoolCalendar::english_default().terms_between(date(2007, 9, 1), date(2008, 8, 31));
  REQUIRE(terms.size() == 3);
  CHECK(terms.front().label() == "autumn 2007/08");
  CHECK(terms.back().label() == "summer 2007/08");
}

TEST_CASE("reads term boundaries as MM-DD or easter") {
  CHECK(std::get<ppsaudit::TermBoundary>(ppsaudit::parse_term_boundary("09-01")) ==
        ppsaudit::TermBoundary{false, 9, 1});
  CHECK(std::get<ppsaudit::TermBoundary>(ppsaudit::parse_term_boundary("Easter")).easter);
  CHECK(std::get<std::string>(ppsaudit::parse_term_boundary("13-01")) ==
        "'13-01' is not a term boundary: there is no such day in the year");
  CHECK(std::get<std::string>(ppsaudit::parse_term_boundary("9-1")) ==
        "'9-1' is not a term boundary: write MM-DD (e.g. '09-01') or 'easter'");
}
