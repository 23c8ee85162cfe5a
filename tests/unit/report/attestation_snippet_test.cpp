#include <string>

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
  CHECK(ppsaudit::report::attestation_snippet(rule, date(2024, 6, 1)) ==
        "- rule: send-cop-2015/impartial-in-practice\n"
        "  statement: \"a \\\"quoted\\\" C:\\\\path\\x09with a tab\\x1B[31m and a bidi \\u202E override\"\n"
        "  by: <name and post>\n"
        "  date: 2024-06-01\n");
}

TEST_CASE("an attestation snippet folds a long statement at single spaces to fit the width") {
  const std::string statement =
      "Advice given is impartial, and the local authority and the CCG or ICB do not direct the  service's "
      "advice to families";
  const auto rule = attested(statement);
  const std::string snippet = ppsaudit::report::attestation_snippet(rule, date(2024, 6, 1), 40);
  // The statement's lines: from its key to the line before 'by:'.
  const auto from = snippet.find("  statement: \"");
  const auto to = snippet.find("\n  by: <name and post>\n");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  std::string unfolded;
  std::size_t folds = 0;
  for (std::size_t start = from; start <= to;) {
    const auto end = snippet.find('\n', start);
    const std::string line = snippet.substr(start, end - start);
    CHECK(line.size() <= 40);
    unfolded += start == from ? line.substr(line.find('"') + 1) : " " + line.substr(line.find_first_not_of(' '));
    folds += start == from ? 0 : 1;
    start = end + 1;
  }
  CHECK(folds >= 2);
  // A double space is never a fold, for folding would make it one space.
  CHECK(unfolded == statement + "\"");
}
