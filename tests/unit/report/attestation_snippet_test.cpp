#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/model.hpp"

// The YAML every report shows for a rule that needs attestation (report::attestation_snippet):
// what it says, and that folding and escaping keep the statement exactly as its pack gives it.

namespace {

ppsaudit::rules::Rule attested(std::string statement) {
  ppsaudit::rules::Rule rule;
  rule.id = "send-cop-2015/impartial-in-practice";
  rule.attestation = ppsaudit::rules::Attestation{std::move(statement), std::nullopt};
  return rule;
}

ppsaudit::Date date(int year, int month, int day) {
  return *ppsaudit::Date::from_ymd(year, month, day);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("an attestation snippet names the rule, the statement to confirm, who confirms it and the date") {
  const auto rule = attested("Advice given is impartial");
  CHECK(ppsaudit::report::attestation_snippet(rule, date(2024, 6, 1)) ==
        "- rule: send-cop-2015/impartial-in-practice\n"
        "  statement: \"Advice given is impartial\"\n"
        "  by: <name and post>\n"
        "  date: 2024-06-01\n");
}

TEST_CASE("an attestation snippet escapes quotes, backslashes and control characters in the statement") {
  const auto rule = attested("a \"quoted\" C:\\path\twith a tab\x1b[31m and a bidi \u202e override");
  const auto lines = lines_of(ppsaudit::report::attestation_snippet(rule, date(2024, 6, 1)));
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "  statement: \"a \\\"quoted\\\" C:\\\\path\\x09with a tab\\x1B[31m and a bidi \\u202E override\"");
}

TEST_CASE("an attestation snippet folds a long statement at single spaces to fit the width") {
  const std::string statement =
      "Advice given is impartial, and the local authority and the CCG or ICB do not direct the  service's "
      "advice to families";
  const auto rule = attested(statement);
  const auto lines = lines_of(ppsaudit::report::attestation_snippet(rule, date(2024, 6, 1), 40));
  REQUIRE(lines.size() > 4);
  std::string unfolded;
  for (std::size_t i = 1; i + 2 < lines.size(); ++i) {
    CHECK(lines[i].size() <= 40);
    const auto& line = lines[i];
    unfolded += i == 1 ? line.substr(line.find('"') + 1) : " " + line.substr(line.find_first_not_of(' '));
  }
  // A double space is never a fold, for folding would make it one space.
  CHECK(unfolded == statement + "\"");
  CHECK(lines[lines.size() - 2] == "  by: <name and post>");
}
