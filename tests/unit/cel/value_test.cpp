#include <doctest/doctest.h>

#include "support.hpp"

namespace ppsaudit::cel {

TEST_CASE("values print in CEL literal syntax") {
  CHECK(testing::run("[true, 1, 1.5, 1e100, 2.0, null]") == "value: [true, 1, 1.5, 1e+100, 2.0, null]");
  CHECK(testing::run("'a\"b\\n\\x01'") == "value: \"a\\\"b\\n\\u0001\"");
  CHECK(testing::run("{'b': 1, 'a': [2]}") == "value: {\"b\": 1, \"a\": [2]}");
  CHECK(testing::run("timestamp('2008-01-01T00:00:00Z')") == "value: timestamp(\"2008-01-01T00:00:00Z\")");
  CHECK(testing::run("duration('1h')") == "value: duration(\"3600s\")");
}

TEST_CASE("durations parse Go-style and format as seconds") {
  CHECK(testing::run("string(duration('1h30m'))") == "value: \"5400s\"");
  CHECK(testing::run("string(duration('1.5s'))") == "value: \"1.5s\"");
  CHECK(testing::run("string(duration('-90s'))") == "value: \"-90s\"");
  CHECK(testing::run("string(duration('250ms'))") == "value: \"0.25s\"");
  CHECK(testing::run("duration('1x')") == "eval error at 0: cannot parse '1x' as a duration");
}

TEST_CASE("timestamp arithmetic checks the range") {
  CHECK(testing::run("timestamp('2024-02-28T00:00:00Z') + duration('24h')") ==
        "value: timestamp(\"2024-02-29T00:00:00Z\")");
  CHECK(testing::run("timestamp('2024-03-01T00:00:00Z') - timestamp('2024-02-28T00:00:00Z')") ==
        "value: duration(\"172800s\")");
  CHECK(testing::run("timestamp('9999-12-31T23:59:59Z') + duration('1s')") ==
        "eval error at 34: timestamp out of range");
}

TEST_CASE("timestamp accessors take a fixed offset or an IANA zone") {
  CHECK(testing::run("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')") == "value: 5");
  CHECK(testing::run("timestamp('2009-02-13T23:31:30Z').getDayOfWeek()") == "value: 5");
  CHECK(testing::run("timestamp('2024-07-01T12:00:00Z').getHours('Europe/London')") == "value: 13");
  CHECK(testing::run("timestamp('2024-07-01T12:00:00Z').getHours('Mars/Olympus')") ==
        "eval error at 34: unknown time zone 'Mars/Olympus'");
  CHECK(testing::run("timestamp('2024-07-01T12:00:00Z').getHours('../../etc/passwd')") ==
        "eval error at 34: unknown time zone '../../etc/passwd'");
}

TEST_CASE("regular expressions use RE2 syntax and report a bad pattern") {
  CHECK(testing::run("'policy-2024'.matches('^policy-[0-9]{4}$')") == "value: true");
  CHECK(testing::run("'x'.matches('(')").starts_with("eval error at 4: invalid regular expression '('"));
}

TEST_CASE("int and double are equal by value and ordered across types") {
  CHECK(testing::run("dyn(1) == 1.0 && dyn(1) < 1.5 && [1, 2] == [1, 2]") == "value: true");
  CHECK(testing::run("0.0 / 0.0 == 0.0 / 0.0") == "value: false");
}

}  // namespace ppsaudit::cel
