#include <string>

#include <doctest/doctest.h>

#include "report/github.hpp"

namespace {

using ppsaudit::report::github_command;
using ppsaudit::report::github_escape_message;
using ppsaudit::report::github_escape_property;
using ppsaudit::report::github_level;
using ppsaudit::rules::Outcome;
using ppsaudit::rules::Strength;

}  // namespace

TEST_CASE("github escapes a message's percent signs and line breaks, and nothing else") {
  CHECK(github_escape_message("100% done\r\nnext: a, b::c") == "100%25 done%0D%0Anext: a, b::c");
  CHECK(github_escape_message("%0A is not a line break") == "%250A is not a line break");
  CHECK(github_escape_message("") == "");
}

TEST_CASE("github escapes a property's colons and commas too") {
  CHECK(github_escape_property("C:\\reg,1\\a%b.yaml") == "C%3A\\reg%2C1\\a%25b.yaml");
  CHECK(github_escape_property("x,line=99::y\nz\r") == "x%2Cline=99%3A%3Ay%0Az%0D");
}

TEST_CASE("github writes one line whatever the hostile text, so no value can start another command") {
  const std::string line = github_command(
      "error", {{"file", "services/a,b:c.yaml"}, {"line", "12"}, {"col", "5"}, {"title", "pack/rule,title=x"}},
      "first\n::error file=forged.yaml::second %0A");
  CHECK(line ==
        "::error file=services/a%2Cb%3Ac.yaml,line=12,col=5,title=pack/rule%2Ctitle=x::first%0A::error "
        "file=forged.yaml::second %250A\n");
  CHECK(line.find('\n') == line.size() - 1);
}

TEST_CASE("github leaves out a property with no value") {
  CHECK(github_command("warning", {{"file", "a.yaml"}, {"line", ""}, {"title", "era"}}, "m") ==
        "::warning file=a.yaml,title=era::m\n");
  CHECK(github_command("notice", {}, "m") == "::notice::m\n");
}

TEST_CASE("github gives a failing legal duty an error, other failures a warning or a notice") {
  for (const auto outcome : {Outcome::not_met, Outcome::not_assessable}) {
    CHECK(github_level(outcome, Strength::must) == "error");
    CHECK(github_level(outcome, Strength::must_have_regard) == "error");
    CHECK(github_level(outcome, Strength::should) == "warning");
    CHECK(github_level(outcome, Strength::commitment) == "warning");
    CHECK(github_level(outcome, Strength::minimum_standard) == "warning");
    CHECK(github_level(outcome, Strength::good_practice) == "notice");
    CHECK(github_level(outcome, Strength::best_practice) == "notice");
  }
}

TEST_CASE("github gives an attestation a notice and a met or inapplicable rule no command") {
  for (const auto strength : {Strength::must, Strength::should, Strength::best_practice}) {
    CHECK(github_level(Outcome::needs_attestation, strength) == "notice");
    CHECK(github_level(Outcome::met, strength).empty());
    CHECK(github_level(Outcome::not_applicable, strength).empty());
  }
}
