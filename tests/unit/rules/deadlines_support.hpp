#pragma once

// What the tests of upcoming_deadlines share: a service built from text, the rules whose
// attestations expire, and the deadlines written one per line so a failure shows them all.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "calendar/cadence.hpp"
#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "rules/deadlines.hpp"
#include "rules/pack.hpp"
#include "service/loader.hpp"

namespace deadlines_test {

// Seven lines, so the records a test appends start on line 8 of "t.yaml".
inline constexpr std::string_view k_header =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n";

inline ppsaudit::Date date(std::string_view text) {
  return std::get<ppsaudit::Date>(ppsaudit::parse_date(text));
}

// The service file of the header followed by `records`; a file that does not load fails the test.
inline ppsaudit::service::ServiceFile load(std::string_view records) {
  ppsaudit::Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(std::string(k_header) + std::string(records), "t.yaml", diagnostics);
  std::string problems;
  for (const auto& item : diagnostics.all()) {
    problems += ppsaudit::format_diagnostic(item) + "\n";
  }
  REQUIRE_MESSAGE(file.has_value(), "the test's service file does not load:\n" << problems);
  return std::move(*file);
}

// A rule that is attested rather than checked; `valid_for` empty means it never expires.
inline ppsaudit::rules::Rule attested_rule(std::string id, std::optional<std::string_view> valid_for) {
  ppsaudit::rules::Rule rule;
  rule.id = std::move(id);
  ppsaudit::rules::Attestation attestation;
  attestation.statement = "what a person confirms";
  if (valid_for) {
    attestation.valid_for = std::get<ppsaudit::Cadence>(ppsaudit::parse_cadence(*valid_for));
  }
  rule.attestation = std::move(attestation);
  return rule;
}

// The rules every test audits with: one attestation lasts a year, one a term, one for ever.
inline const std::vector<ppsaudit::rules::Rule>& rules() {
  static const std::vector<ppsaudit::rules::Rule> k_rules = {
      attested_rule("demo/no-directive-advice", "annually"),
      attested_rule("demo/termly-check", "termly"),
      attested_rule("demo/never-expires", std::nullopt),
  };
  return k_rules;
}

// "2008-09-01 policy_review: review the policy 'X' (t.yaml:9:5)", one line per deadline.
inline std::string listed(const ppsaudit::service::ServiceFile& file, std::string_view as_of, int days) {
  std::vector<const ppsaudit::rules::Rule*> audited;
  for (const auto& rule : rules()) {
    audited.push_back(&rule);
  }
  std::string lines;
  for (const auto& item : ppsaudit::rules::upcoming_deadlines(file, audited, date(as_of), days)) {
    lines += item.due.to_string() + " " + item.kind + ": " + item.what + " (" + item.where.to_string() + ")\n";
  }
  return lines;
}

}  // namespace deadlines_test
