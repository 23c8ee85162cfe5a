#include "calendar/ics.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace {

using ppsaudit::ics::escape_text;
using ppsaudit::ics::fold;

// The lines of folded output, each without its CRLF; a line not ended by CRLF fails the test.
std::vector<std::string> lines_of(std::string_view folded) {
  std::vector<std::string> lines;
  while (!folded.empty()) {
    const auto end = folded.find("\r\n");
    REQUIRE(end != std::string_view::npos);
    lines.emplace_back(folded.substr(0, end));
    folded.remove_prefix(end + 2);
  }
  return lines;
}

// Unfolding as RFC 5545 3.1 says: a CRLF followed by one space is removed.
std::string unfolded(std::string_view folded) {
  std::string out;
  const auto lines = lines_of(folded);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? lines[i] : lines[i].substr(1);
  }
  return out;
}

std::string utf8_1000_times(std::string_view character) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += character;
  }
  return text;
}

}  // namespace

TEST_CASE("escapes backslash, semicolon, comma and line breaks in text") {
  CHECK(escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
  CHECK(escape_text("one\r\ntwo\rthree") == "one\\ntwo\\nthree");
  CHECK(escape_text("tab\tstays, bell\a goes") == "tab\tstays\\, bell  goes");
  CHECK(escape_text("Colon: and \"quotes\" stay") == "Colon: and \"quotes\" stay");
}

TEST_CASE("leaves a line of 75 octets whole and folds one of 76") {
  const std::string exact(75, 'x');
  CHECK(fold(exact) == exact + "\r\n");
  const std::string longer(76, 'x');
  CHECK(fold(longer) == std::string(75, 'x') + "\r\n x\r\n");
}

TEST_CASE("folds a long line into lines of at most 75 octets that unfold to it") {
  const std::string line = "DESCRIPTION:" + std::string(400, 'a');
  const std::string folded = fold(line);
  for (const auto& each : lines_of(folded)) {
    CHECK(each.size() <= 75);
  }
  CHECK(lines_of(folded).size() == 6);
  CHECK(unfolded(folded) == line);
}

TEST_CASE("never folds inside a UTF-8 character") {
  for (const std::string_view character : {"\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x93\x85"}) {
    CAPTURE(character);
    const std::string line = "SUMMARY:" + utf8_1000_times(character);
    const std::string folded = fold(line);
    for (const auto& each : lines_of(folded)) {
      CHECK(each.size() <= 75);
      // A line starts (after a continuation's space) at the start of a character.
      const std::size_t first = each[0] == ' ' ? 1 : 0;
      CHECK((static_cast<unsigned char>(each[first]) & 0xC0U) != 0x80U);
    }
    CHECK(unfolded(folded) == line);
  }
}

TEST_CASE("writes all-day events with a stable stamp, a next-day end and a reminder two weeks before") {
  const auto day = *ppsaudit::Date::from_ymd(2008, 12, 31);
  const auto stamp = *ppsaudit::Date::from_ymd(2008, 7, 31);
  const std::string text =
      ppsaudit::ics::calendar({{"abc@ppsaudit", day, "Review, again", "why; and where", 14}}, "A, B", stamp);
  CHECK(text ==
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ppsaudit//due//EN\r\nCALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\nX-WR-CALNAME:A\\, B\r\n"
        "BEGIN:VEVENT\r\nUID:abc@ppsaudit\r\nDTSTAMP:20080731T000000Z\r\nDTSTART;VALUE=DATE:20081231\r\n"
        "DTEND;VALUE=DATE:20090101\r\nSUMMARY:Review\\, again\r\nDESCRIPTION:why\\; and where\r\n"
        "TRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Review\\, again\r\n"
        "TRIGGER:-P14D\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
}
