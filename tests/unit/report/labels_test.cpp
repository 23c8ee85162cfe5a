#include "report/labels.hpp"

#include <doctest/doctest.h>

namespace {

using ppsaudit::rules::Citation;
using ppsaudit::rules::Rule;
using ppsaudit::rules::SourceKind;
using ppsaudit::rules::Strength;

Rule rule_citing(Strength strength, std::initializer_list<SourceKind> kinds) {
  Rule rule;
  rule.strength = strength;
  for (const auto kind : kinds) {
    Citation citation;
    citation.kind = kind;
    rule.citations.push_back(citation);
  }
  return rule;
}

}  // namespace

TEST_CASE("marks only a statute citation of a must as a legal duty, never the Code's paragraph") {
  const Rule rule = rule_citing(Strength::must, {SourceKind::statute, SourceKind::code});
  CHECK(ppsaudit::report::legal_duty_note(rule, rule.citations[0]) == " (a legal duty)");
  CHECK(ppsaudit::report::legal_duty_note(rule, rule.citations[1]).empty());
  CHECK(ppsaudit::report::strength_label(rule) == "must (a legal duty)");
}

TEST_CASE("keeps the strength of a must that cites only a Code, without claiming a legal duty") {
  const Rule rule = rule_citing(Strength::must, {SourceKind::code});
  CHECK(ppsaudit::report::legal_duty_note(rule, rule.citations[0]).empty());
  CHECK(ppsaudit::report::strength_label(rule) == "must");
}

TEST_CASE("never marks a should or a commitment as a legal duty, even citing statute") {
  for (const auto strength : {Strength::should, Strength::commitment}) {
    const Rule rule = rule_citing(strength, {SourceKind::statute});
    CHECK(ppsaudit::report::legal_duty_note(rule, rule.citations[0]).empty());
  }
  CHECK(ppsaudit::report::token(Strength::commitment) == "commitment");
}
