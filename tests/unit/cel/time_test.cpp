#include <string>
#include <variant>

#include <doctest/doctest.h>

#include "cel/time.hpp"

namespace {

using ppsaudit::cel::CivilTime;
using ppsaudit::cel::k_max_timestamp_seconds;
using ppsaudit::cel::k_min_timestamp_seconds;
using ppsaudit::cel::parse_timestamp;
using ppsaudit::cel::Timestamp;
using ppsaudit::cel::to_civil;

// The seconds of a parsed timestamp, or its error message.
std::string seconds_of(std::string_view text) {
  const auto parsed = parse_timestamp(text);
  if (const auto* message = std::get_if<std::string>(&parsed)) {
    return *message;
  }
  const auto timestamp = std::get<Timestamp>(parsed);
  return std::to_string(timestamp.seconds) + "s " + std::to_string(timestamp.nanos) + "ns";
}

// A civil time as "YYYY-MM-DD hh:mm:ss weekday day-of-year", for readable failures.
std::string civil_of(Timestamp timestamp, std::int64_t offset) {
  const CivilTime c = to_civil(timestamp, offset);
  return std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day) + " " +
         std::to_string(c.hour) + ":" + std::to_string(c.minute) + ":" + std::to_string(c.second) + " weekday " +
         std::to_string(c.day_of_week) + " yday " + std::to_string(c.day_of_year);
}

}  // namespace

TEST_CASE("parses the first and last instants CEL timestamps allow, and refuses one past them") {
  CHECK(seconds_of("0001-01-01T00:00:00Z") == std::to_string(k_min_timestamp_seconds) + "s 0ns");
  CHECK(seconds_of("9999-12-31T23:59:59.999999999Z") == std::to_string(k_max_timestamp_seconds) + "s 999999999ns");
  CHECK(seconds_of("0000-12-31T23:59:59Z") == "timestamp '0000-12-31T23:59:59Z' is out of range");
  CHECK(seconds_of("9999-12-31T23:59:59-00:01") == "timestamp '9999-12-31T23:59:59-00:01' is out of range");
}

TEST_CASE("parses a local date in year 0 that is in range once its offset is applied") {
  CHECK(seconds_of("0000-12-31T23:00:00-02:00") == std::to_string(k_min_timestamp_seconds + 3600) + "s 0ns");
}

TEST_CASE("accepts 29 February only in leap years of the proleptic Gregorian calendar") {
  CHECK(seconds_of("2000-02-29T00:00:00Z") == "951782400s 0ns");
  CHECK(seconds_of("2024-02-29T00:00:00Z") == "1709164800s 0ns");
  CHECK(seconds_of("2023-02-29T00:00:00Z") == "cannot parse '2023-02-29T00:00:00Z' as an RFC 3339 timestamp");
  CHECK(seconds_of("1900-02-29T00:00:00Z") == "cannot parse '1900-02-29T00:00:00Z' as an RFC 3339 timestamp");
  CHECK(seconds_of("2023-04-31T00:00:00Z") == "cannot parse '2023-04-31T00:00:00Z' as an RFC 3339 timestamp");
  CHECK(seconds_of("2023-13-01T00:00:00Z") == "cannot parse '2023-13-01T00:00:00Z' as an RFC 3339 timestamp");
  CHECK(seconds_of("2023-00-10T00:00:00Z") == "cannot parse '2023-00-10T00:00:00Z' as an RFC 3339 timestamp");
}

TEST_CASE("breaks a timestamp into civil time, before 1970 as after") {
  CHECK(civil_of({0, 0}, 0) == "1970-1-1 0:0:0 weekday 4 yday 0");
  CHECK(civil_of({-1, 5}, 0) == "1969-12-31 23:59:59 weekday 3 yday 364");
  CHECK(civil_of({951782400, 0}, 0) == "2000-2-29 0:0:0 weekday 2 yday 59");
  CHECK(to_civil({-1, 5}, 0).nanos == 5);
}

TEST_CASE("breaks the ends of CEL's range into civil time, even when an offset leaves it") {
  CHECK(civil_of({k_min_timestamp_seconds, 0}, 0) == "1-1-1 0:0:0 weekday 1 yday 0");
  CHECK(civil_of({k_min_timestamp_seconds, 0}, -3600) == "0-12-31 23:0:0 weekday 0 yday 365");
  CHECK(civil_of({k_max_timestamp_seconds, 0}, 0) == "9999-12-31 23:59:59 weekday 5 yday 364");
  CHECK(civil_of({k_max_timestamp_seconds, 0}, 3600) == "10000-1-1 0:59:59 weekday 6 yday 0");
}
