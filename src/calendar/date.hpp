#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ppsaudit {

// A day in the proleptic Gregorian calendar, written as ISO 8601 YYYY-MM-DD.
class Date {
 public:
  Date() = default;

  // The date, or nothing when it does not exist (2008-02-30, month 13, year outside 1..9999).
  static std::optional<Date> from_ymd(int year, int month, int day);
  static Date from_days(std::int64_t days_since_1970);

  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;
  [[nodiscard]] int day() const;
  [[nodiscard]] std::int64_t days_since_1970() const { return m_days; }

  // Days later (or earlier, when negative).
  [[nodiscard]] Date add_days(std::int64_t days) const;
  // Calendar months later; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
  [[nodiscard]] Date add_months(int months) const;

  [[nodiscard]] std::string to_string() const;

  // clang-tidy 14 misreads a defaulted operator<=> as a literal 0 (fixed in clang-tidy 15).
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)

 private:
  explicit Date(std::int64_t days) : m_days(days) {}
  std::int64_t m_days = 0;
};

// Parses YYYY-MM-DD exactly; on failure returns a message fit for "error: <message>".
std::variant<Date, std::string> parse_date(std::string_view text);

// Whole calendar months from `from` to `to` (negative when `to` is earlier): the most months
// that add_months can step from `from` without passing `to`. 2008-01-15 to 2008-02-14 is 0
// months; 2008-01-31 to 2008-02-29 is 1, since 31 January plus a month is 29 February.
int months_between(Date from, Date to);

// Easter Sunday of the given year (Gregorian computus).
Date easter_sunday(int year);

// Today in UTC, the default audit date.
Date today_utc();

}  // namespace ppsaudit
