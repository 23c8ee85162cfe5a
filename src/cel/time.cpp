#include "cel/time.hpp"

#include <chrono>
#include <cstdio>

namespace ppsaudit::cel {

namespace {

constexpr std::int64_t k_nanos_per_second = 1'000'000'000;

namespace chrono = std::chrono;

// Splits seconds + nanos into normalised parts, or nothing on overflow.
std::optional<std::pair<std::int64_t, std::int32_t>> normalise(std::int64_t seconds, std::int64_t nanos) {
  std::int64_t carry = nanos / k_nanos_per_second;
  std::int64_t rest = nanos % k_nanos_per_second;
  if (rest < 0) {
    rest += k_nanos_per_second;
    carry -= 1;
  }
  std::int64_t total = 0;
  if (__builtin_add_overflow(seconds, carry, &total)) {
    return std::nullopt;
  }
  return std::pair{total, static_cast<std::int32_t>(rest)};
}

// Reads exactly `count` decimal digits at `pos`.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t count) {
  if (pos + count > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect_char(std::string_view text, std::size_t& pos, char wanted) {
  if (pos < text.size() && text[pos] == wanted) {
    ++pos;
    return true;
  }
  return false;
}

std::string nanos_fraction(std::int32_t nanos) {
  if (nanos == 0) {
    return "";
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, ".%09d", static_cast<int>(nanos));
  std::string fraction(buffer);
  while (fraction.back() == '0') {
    fraction.pop_back();
  }
  return fraction;
}

}  // namespace

std::optional<Timestamp> make_timestamp(std::int64_t seconds, std::int64_t nanos) {
  const auto parts = normalise(seconds, nanos);
  if (!parts || parts->first < k_min_timestamp_seconds || parts->first > k_max_timestamp_seconds) {
    return std::nullopt;
  }
  return Timestamp{parts->first, parts->second};
}

std::optional<Duration> make_duration(std::int64_t seconds, std::int64_t nanos) {
  const auto parts = normalise(seconds, nanos);
  std::int64_t total = 0;
  if (!parts || __builtin_mul_overflow(parts->first, k_nanos_per_second, &total) ||
      __builtin_add_overflow(total, std::int64_t{parts->second}, &total)) {
    return std::nullopt;
  }
  return Duration{parts->first, parts->second};
}

std::variant<Timestamp, std::string> parse_timestamp(std::string_view text) {
  const std::string bad = "cannot parse '" + std::string(text) + "' as an RFC 3339 timestamp";
  std::size_t pos = 0;
  const auto year = read_digits(text, pos, 4);
  if (!year || !expect_char(text, pos, '-')) {
    return bad;
  }
  const auto month = read_digits(text, pos, 2);
  if (!month || !expect_char(text, pos, '-')) {
    return bad;
  }
  const auto day = read_digits(text, pos, 2);
  if (!day || !(expect_char(text, pos, 'T') || expect_char(text, pos, 't'))) {
    return bad;
  }
  const auto hour = read_digits(text, pos, 2);
  if (!hour || !expect_char(text, pos, ':')) {
    return bad;
  }
  const auto minute = read_digits(text, pos, 2);
  if (!minute || !expect_char(text, pos, ':')) {
    return bad;
  }
  const auto second = read_digits(text, pos, 2);
  if (!second) {
    return bad;
  }
  std::int64_t nanos = 0;
  if (expect_char(text, pos, '.')) {
    std::size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 9) {
        nanos = nanos * 10 + (text[pos] - '0');
      }
      ++digits;
      ++pos;
    }
    if (digits == 0) {
      return bad;
    }
    for (std::size_t i = digits; i < 9; ++i) {
      nanos *= 10;
    }
  }
  std::int64_t offset = 0;
  if (expect_char(text, pos, 'Z') || expect_char(text, pos, 'z')) {
    offset = 0;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const bool negative = text[pos] == '-';
    ++pos;
    const auto offset_hours = read_digits(text, pos, 2);
    if (!offset_hours || !expect_char(text, pos, ':')) {
      return bad;
    }
    const auto offset_minutes = read_digits(text, pos, 2);
    if (!offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
      return bad;
    }
    offset = (std::int64_t{*offset_hours} * 3600 + std::int64_t{*offset_minutes} * 60) * (negative ? -1 : 1);
  } else {
    return bad;
  }
  // Years 0000..9999 are all valid chrono::year values, so ok() checks just the month and day.
  const chrono::year_month_day date{chrono::year{*year}, chrono::month{static_cast<unsigned>(*month)},
                                    chrono::day{static_cast<unsigned>(*day)}};
  if (pos != text.size() || !date.ok() || *hour > 23 || *minute > 59 || *second > 60) {
    return bad;
  }
  const chrono::sys_seconds instant = chrono::sys_days{date} + chrono::hours{*hour} + chrono::minutes{*minute} +
                                      chrono::seconds{*second} - chrono::seconds{offset};
  const auto timestamp = make_timestamp(instant.time_since_epoch().count(), nanos);
  if (!timestamp) {
    return "timestamp '" + std::string(text) + "' is out of range";
  }
  return *timestamp;
}

std::string format_timestamp(Timestamp timestamp) {
  const CivilTime civil = to_civil(timestamp, 0);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", civil.year, civil.month, civil.day, civil.hour,
                civil.minute, civil.second);
  return std::string(buffer) + nanos_fraction(timestamp.nanos) + "Z";
}

std::variant<Duration, std::string> parse_duration(std::string_view text) {
  const std::string bad = "cannot parse '" + std::string(text) + "' as a duration";
  const std::string range = "duration '" + std::string(text) + "' is out of range";
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    negative = text[pos] == '-';
    ++pos;
  }
  if (text.substr(pos) == "0") {
    return Duration{};
  }
  if (pos == text.size()) {
    return bad;
  }
  // Accumulate in nanoseconds split as whole seconds + nanos, to keep 10000 years exact.
  std::int64_t total_seconds = 0;
  std::int64_t total_nanos = 0;
  while (pos < text.size()) {
    std::int64_t whole = 0;
    std::size_t whole_digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, text[pos] - '0', &whole)) {
        return range;
      }
      ++whole_digits;
      ++pos;
    }
    std::int64_t fraction = 0;  // in 1e-18 units of the unit, enough for ns precision
    std::int64_t scale = 1;
    std::size_t fraction_digits = 0;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (scale < 1'000'000'000'000'000'000) {
          fraction = fraction * 10 + (text[pos] - '0');
          scale *= 10;
        }
        ++fraction_digits;
        ++pos;
      }
    }
    if (whole_digits == 0 && fraction_digits == 0) {
      return bad;
    }
    std::int64_t unit_nanos = 0;
    static constexpr std::pair<std::string_view, std::int64_t> k_units[] = {{"ns", 1},
                                                                            {"us", 1000},
                                                                            {"\xC2\xB5s", 1000},
                                                                            {"ms", 1'000'000},
                                                                            {"s", k_nanos_per_second},
                                                                            {"m", 60 * k_nanos_per_second},
                                                                            {"h", 3600 * k_nanos_per_second}};
    for (const auto& [name, nanos] : k_units) {
      if (text.substr(pos, name.size()) == name && !(name == "m" && text.substr(pos, 2) == "ms")) {
        unit_nanos = nanos;
        pos += name.size();
        break;
      }
    }
    if (unit_nanos == 0) {
      return bad;
    }
    // whole * unit, as seconds + nanos.
    const std::int64_t unit_seconds = unit_nanos / k_nanos_per_second;
    const std::int64_t unit_rest = unit_nanos % k_nanos_per_second;
    std::int64_t part_seconds = 0;
    if (__builtin_mul_overflow(whole, unit_seconds, &part_seconds)) {
      return range;
    }
    const std::int64_t whole_rest_nanos = (whole % k_nanos_per_second) * unit_rest;
    part_seconds += (whole / k_nanos_per_second) * unit_rest + whole_rest_nanos / k_nanos_per_second;
    std::int64_t part_nanos = whole_rest_nanos % k_nanos_per_second;
    // fraction / scale * unit: in nanoseconds, at most one unit (3600e9 ns fits easily).
    const long double fractional_nanos =
        static_cast<long double>(fraction) / static_cast<long double>(scale) * static_cast<long double>(unit_nanos);
    const auto fraction_nanos = static_cast<std::int64_t>(fractional_nanos);
    part_seconds += fraction_nanos / k_nanos_per_second;
    part_nanos += fraction_nanos % k_nanos_per_second;
    if (__builtin_add_overflow(total_seconds, part_seconds, &total_seconds)) {
      return range;
    }
    total_nanos += part_nanos;
    if (total_seconds > 2 * k_max_duration_seconds) {
      return range;
    }
  }
  if (negative) {
    total_seconds = -total_seconds;
    total_nanos = -total_nanos;
  }
  const auto duration = make_duration(total_seconds, total_nanos);
  if (!duration) {
    return range;
  }
  return *duration;
}

std::string format_duration(Duration duration) {
  std::int64_t seconds = duration.seconds;
  std::int32_t nanos = duration.nanos;
  std::string sign;
  if (seconds < 0) {
    sign = "-";
    if (nanos > 0) {
      seconds = -(seconds + 1);
      nanos = static_cast<std::int32_t>(k_nanos_per_second - nanos);
    } else {
      seconds = -seconds;
    }
  }
  return sign + std::to_string(seconds) + nanos_fraction(nanos) + "s";
}

std::optional<Timestamp> add(Timestamp timestamp, Duration duration) {
  std::int64_t seconds = 0;
  if (__builtin_add_overflow(timestamp.seconds, duration.seconds, &seconds)) {
    return std::nullopt;
  }
  return make_timestamp(seconds, std::int64_t{timestamp.nanos} + duration.nanos);
}

std::optional<Duration> add(Duration a, Duration b) {
  std::int64_t seconds = 0;
  if (__builtin_add_overflow(a.seconds, b.seconds, &seconds)) {
    return std::nullopt;
  }
  return make_duration(seconds, std::int64_t{a.nanos} + b.nanos);
}

std::optional<Duration> negate(Duration duration) {
  return make_duration(-duration.seconds, -std::int64_t{duration.nanos});
}

std::optional<Duration> difference(Timestamp a, Timestamp b) {
  return make_duration(a.seconds - b.seconds, std::int64_t{a.nanos} - b.nanos);
}

CivilTime to_civil(Timestamp timestamp, std::int64_t offset_seconds) {
  // Timestamps span years 0001..9999 and UTC offsets are hours, so the local date falls in
  // years 0000..10000: well inside chrono::year's range of -32767..32767.
  const chrono::sys_seconds local{chrono::seconds{timestamp.seconds + offset_seconds}};
  const chrono::sys_days day = chrono::floor<chrono::days>(local);  // towards the past, also before 1970
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss time{local - day};
  CivilTime civil;
  civil.year = static_cast<int>(date.year());
  civil.month = static_cast<int>(static_cast<unsigned>(date.month()));
  civil.day = static_cast<int>(static_cast<unsigned>(date.day()));
  civil.hour = static_cast<int>(time.hours().count());
  civil.minute = static_cast<int>(time.minutes().count());
  civil.second = static_cast<int>(time.seconds().count());
  civil.day_of_week = static_cast<int>(chrono::weekday{day}.c_encoding());  // 0 = Sunday
  civil.day_of_year = static_cast<int>((day - chrono::sys_days{date.year() / chrono::January / 1}).count());
  civil.nanos = timestamp.nanos;
  return civil;
}

}  // namespace ppsaudit::cel
