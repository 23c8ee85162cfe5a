#include "calendar/date.hpp"

#include <cctype>

#include <fmt/format.h>

namespace ppsaudit {

namespace {

std::chrono::year_month_day to_ymd(std::int64_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

std::int64_t to_days(const std::chrono::year_month_day& ymd) {
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date(to_days(ymd));
}

Date Date::from_days(std::int64_t days_since_1970) {
  return Date(days_since_1970);
}

int Date::year() const {
  return static_cast<int>(to_ymd(m_days).year());
}

int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(to_ymd(m_days).month()));
}

int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(to_ymd(m_days).day()));
}

Date Date::add_days(std::int64_t days) const {
  return Date(m_days + days);
}

Date Date::add_months(int months) const {
  const auto ymd = to_ymd(m_days);
  const auto first = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const auto last_day =
      std::chrono::year_month_day_last{first.year(), std::chrono::month_day_last{first.month()}}.day();
  const auto day = ymd.day() > last_day ? last_day : ymd.day();
  return Date(to_days(std::chrono::year_month_day{first.year(), first.month(), day}));
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

std::variant<Date, std::string> parse_date(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
        return false;
      }
    }
    return true;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2)) {
    return fmt::format("'{}' is not a date: write it as YYYY-MM-DD", text);
  }
  const auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (month < 1 || month > 12) {
    return fmt::format("'{}' is not a date: there is no month {}", text, month);
  }
  if (year < 1) {
    return fmt::format("'{}' is not a date: there is no year 0", text);
  }
  auto date = Date::from_ymd(year, month, day);
  if (!date) {
    return fmt::format("'{}' is not a date: {:04}-{:02} has no day {}", text, year, month, day);
  }
  return *date;
}

int months_between(Date from, Date to) {
  if (to < from) {
    return -months_between(to, from);
  }
  int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (from.add_months(months) > to) {
    --months;
  }
  return months;
}

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return *Date::from_ymd(year, month, day);
}

Date today_utc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(now.time_since_epoch().count());
}

}  // namespace ppsaudit
