#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "calendar/date.hpp"

namespace ppsaudit {

// How often something must happen: once a school term, or every so many months or days.
// "bi-annual" is never a cadence: it means both twice a year and every two years.
struct Cadence {
  enum class Unit { term, month, day };

  Unit unit = Unit::month;
  int count = 12;  // terms (always 1), months, or days between occurrences

  // The canonical spelling, e.g. "termly", "annually", "every 6 months", "every 14 days".
  [[nodiscard]] std::string to_string() const;
  // The ISO 8601 duration for month and day cadences ("P6M", "P14D"); empty for termly.
  [[nodiscard]] std::string to_iso8601() const;

  // When the next occurrence falls due after one done on `done`. Not defined for termly,
  // which depends on the school calendar (see SchoolCalendar).
  [[nodiscard]] Date next_due(Date done) const;

  bool operator==(const Cadence&) const = default;
};

// Parses a cadence word ("termly", "monthly", "quarterly", "twice-yearly", "annually",
// "every 2 years", "P18M"…); on failure returns a message fit for "error: <message>".
std::variant<Cadence, std::string> parse_cadence(std::string_view text);

// Whether the words are one of those that mean both twice a year and every two years.
bool is_ambiguous_cadence(std::string_view text);

}  // namespace ppsaudit
