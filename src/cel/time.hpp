#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ppsaudit::cel {

// A signed span of time whose total nanoseconds fit an int64; `nanos` is always in [0, 1e9),
// so -1.5s is {-2, 500000000}.
struct Duration {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  // clang-tidy 14 misreads a defaulted operator<=> as a literal 0 (fixed in clang-tidy 15).
  auto operator<=>(const Duration&) const = default;  // NOLINT(modernize-use-nullptr)
};

// An instant in UTC between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z.
struct Timestamp {
  std::int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  std::int32_t nanos = 0;    // in [0, 1e9)
  // clang-tidy 14 misreads a defaulted operator<=> as a literal 0 (fixed in clang-tidy 15).
  auto operator<=>(const Timestamp&) const = default;  // NOLINT(modernize-use-nullptr)
};

inline constexpr std::int64_t k_min_timestamp_seconds = -62135596800;  // 0001-01-01
inline constexpr std::int64_t k_max_timestamp_seconds = 253402300799;  // 9999-12-31T23:59:59
// CEL limits a duration to what int64 nanoseconds hold, about +-292 years (langdef, Overflow).
inline constexpr std::int64_t k_max_duration_seconds = 9223372036;

// Normalises seconds + nanos; nothing when the result is outside CEL's range.
std::optional<Timestamp> make_timestamp(std::int64_t seconds, std::int64_t nanos);
std::optional<Duration> make_duration(std::int64_t seconds, std::int64_t nanos);

// RFC 3339 ("2009-02-13T23:31:30Z", "...30.5+01:00"); on failure a message.
std::variant<Timestamp, std::string> parse_timestamp(std::string_view text);
// RFC 3339 in UTC, fractional seconds without trailing zeros.
std::string format_timestamp(Timestamp timestamp);

// Go-style durations: "90s", "1h30m", "-1.5s", "250ms", "1us", "3ns"; on failure a message.
std::variant<Duration, std::string> parse_duration(std::string_view text);
// Seconds with a fraction only when needed: "3600s", "1.5s", "-0.000000001s".
std::string format_duration(Duration duration);

// Arithmetic with CEL's range checks; nothing when out of range.
std::optional<Timestamp> add(Timestamp timestamp, Duration duration);
std::optional<Duration> add(Duration a, Duration b);
std::optional<Duration> negate(Duration duration);
std::optional<Duration> difference(Timestamp a, Timestamp b);

// Broken-down time at a UTC offset, with CEL's conventions left to the caller.
struct CivilTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int day_of_week = 4;  // 0 = Sunday
  int day_of_year = 0;  // 0-based
  std::int32_t nanos = 0;
};
CivilTime to_civil(Timestamp timestamp, std::int64_t offset_seconds);

// The UTC offset in seconds of a time zone argument at an instant: "+05:30", "-02:30",
// "02:00", "UTC", or an IANA name read from /usr/share/zoneinfo; on failure a message.
std::variant<std::int64_t, std::string> utc_offset(std::string_view zone, Timestamp at);

}  // namespace ppsaudit::cel
