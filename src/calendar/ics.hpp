#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"

namespace ppsaudit::ics {

// Text as an RFC 5545 TEXT value (3.3.11): backslash, semicolon and comma escaped, a line
// break written "\n"; other control characters, which TEXT may not hold, become spaces.
std::string escape_text(std::string_view text);

// One content line (without its line break) folded as RFC 5545 3.1 asks: no line longer than
// 75 octets, each continuation starting with a space, never inside a UTF-8 character; every
// line ends in CRLF.
std::string fold(std::string_view line);

// An all-day event: a calendar entry for one obligation.
struct Event {
  std::string uid;  // stable across runs, so that importing again updates the event
  Date day;
  std::string summary;      // plain text, escaped when written
  std::string description;  // plain text, escaped when written
  int alarm_days = 14;      // a reminder this many days before the day
};

// An iCalendar object (VCALENDAR) of the events, in their order. `stamp` is every event's
// DTSTAMP (midnight UTC of that day), so the same input gives the same bytes.
std::string calendar(const std::vector<Event>& events, std::string_view name, Date stamp);

}  // namespace ppsaudit::ics
