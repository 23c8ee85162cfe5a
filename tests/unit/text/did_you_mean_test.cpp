#include <array>
#include <string_view>

#include <doctest/doctest.h>

#include "text/did_you_mean.hpp"

using ppsaudit::closest_match;
using ppsaudit::edit_distance;

TEST_CASE("edit distance counts a swapped pair of letters as one edit") {
  CHECK(edit_distance("meetngs", "meetings") == 1);
  CHECK(edit_distance("reveiwed", "reviewed") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Policies", "policies") == 0);
}

TEST_CASE("suggests the nearest key only when it is a plausible typo") {
  const std::array<std::string_view, 4> keys{"meetings", "members", "chair", "quorum"};
  CHECK(closest_match("meetngs", keys) == std::optional<std::string>("meetings"));
  CHECK(closest_match("chiar", keys) == std::optional<std::string>("chair"));
  CHECK_FALSE(closest_match("budget", keys).has_value());
  CHECK(ppsaudit::did_you_mean_suffix(std::string("chair")) == " (did you mean 'chair'?)");
  CHECK(ppsaudit::did_you_mean_suffix(std::nullopt).empty());
}
