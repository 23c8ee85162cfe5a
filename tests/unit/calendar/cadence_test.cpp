#include <doctest/doctest.h>

#include <fmt/format.h>

#include "calendar/cadence.hpp"

using ppsaudit::Cadence;
using ppsaudit::parse_cadence;

namespace {

Cadence cadence(std::string_view text) {
  auto result = parse_cadence(text);
  INFO("parsing '" << std::string(text) << "'");
  REQUIRE(std::holds_alternative<Cadence>(result));
  return std::get<Cadence>(result);
}

std::string refusal(std::string_view text) {
  auto result = parse_cadence(text);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

}  // namespace

TEST_CASE("reads the cadence words services use") {
  CHECK(cadence("termly") == Cadence{Cadence::Unit::term, 1});
  CHECK(cadence("once a term") == Cadence{Cadence::Unit::term, 1});
  CHECK(cadence("monthly") == Cadence{Cadence::Unit::month, 1});
  CHECK(cadence("quarterly") == Cadence{Cadence::Unit::month, 3});
  CHECK(cadence("twice-yearly") == Cadence{Cadence::Unit::month, 6});
  CHECK(cadence("Annually") == Cadence{Cadence::Unit::month, 12});
  CHECK(cadence("biennially") == Cadence{Cadence::Unit::month, 24});
  CHECK(cadence("fortnightly") == Cadence{Cadence::Unit::day, 14});
}

TEST_CASE("reads 'every N units' and ISO 8601 durations") {
  CHECK(cadence("every 2 years") == Cadence{Cadence::Unit::month, 24});
  CHECK(cadence("every 18 months") == Cadence{Cadence::Unit::month, 18});
  CHECK(cadence("every 1 month") == Cadence{Cadence::Unit::month, 1});
  CHECK(cadence("every 6 weeks") == Cadence{Cadence::Unit::day, 42});
  CHECK(cadence("P6M") == Cadence{Cadence::Unit::month, 6});
  CHECK(cadence("P1Y6M") == Cadence{Cadence::Unit::month, 18});
  CHECK(cadence("P2W") == Cadence{Cadence::Unit::day, 14});
  CHECK(cadence("P10D") == Cadence{Cadence::Unit::day, 10});
}

TEST_CASE("refuses bi-annual in every spelling, offering both readings") {
  const std::string both =
      "is ambiguous: it means both twice a year and every two years; "
      "write 'twice-yearly' (every 6 months) or 'every 2 years' (every 24 months)";
  CHECK(refusal("bi-annual") == "'bi-annual' " + both);
  CHECK(refusal("Biannual") == "'Biannual' " + both);
  CHECK(refusal("bi-annually") == "'bi-annually' " + both);
  CHECK(refusal("biannually") == "'biannually' " + both);
}

TEST_CASE("refuses unknown words and malformed durations") {
  for (const char* text : {"now and then", "every 0 months", "every two years", "P", "P6", "P1M1D", "PM6", "P6M1Y"}) {
    CAPTURE(text);
    CHECK(refusal(text).starts_with(fmt::format("'{}' is not a cadence", text)));
  }
}

TEST_CASE("prints the canonical spelling and the ISO 8601 duration") {
  CHECK(cadence("every 12 months").to_string() == "annually");
  CHECK(cadence("P24M").to_string() == "biennially");
  CHECK(cadence("every 18 months").to_string() == "every 18 months");
  CHECK(cadence("every 3 years").to_string() == "triennially");
  CHECK(cadence("every 4 years").to_string() == "every 4 years");
  CHECK(cadence("termly").to_iso8601().empty());
  CHECK(cadence("every 2 years").to_iso8601() == "P2Y");
  CHECK(cadence("quarterly").to_iso8601() == "P3M");
}

TEST_CASE("computes when a month or day cadence next falls due") {
  const auto done = *ppsaudit::Date::from_ymd(2007, 9, 1);
  CHECK(cadence("every 2 years").next_due(done).to_string() == "2009-09-01");
  CHECK(cadence("annually").next_due(done).to_string() == "2008-09-01");
  CHECK(cadence("fortnightly").next_due(done).to_string() == "2007-09-15");
}
