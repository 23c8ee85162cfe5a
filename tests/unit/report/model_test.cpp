#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/model.hpp"

namespace {

using ppsaudit::rules::Outcome;
using ppsaudit::rules::Strength;

struct RuleSpec {
  const char* id;
  int pack;  // 0: framework "A", 1: framework "B"
  Strength strength;
  const char* area;
  Outcome outcome;
};

// An audit of rules in two frameworks, one finding each, in the order given (the order applied).
struct Audit {
  std::vector<ppsaudit::rules::Pack> packs{2};
  ppsaudit::report::AuditedService service;

  explicit Audit(const std::vector<RuleSpec>& specs) {
    packs[0].framework = "A";
    packs[1].framework = "B";
    for (const auto& spec : specs) {
      auto& rules = packs[static_cast<std::size_t>(spec.pack)].rules;
      rules.push_back({});
      rules.back().id = spec.id;
      rules.back().strength = spec.strength;
      rules.back().area = spec.area;
      rules.back().pack = &packs[static_cast<std::size_t>(spec.pack)];
    }
    // Findings in the order given, pointing at the rules now that the vectors are built.
    std::vector<std::size_t> next(2, 0);
    for (const auto& spec : specs) {
      const auto pack = static_cast<std::size_t>(spec.pack);
      service.audit.findings.push_back({&packs[pack].rules[next[pack]++], spec.outcome, "", {}});
    }
  }
};

std::string ids(const std::vector<const ppsaudit::rules::Finding*>& findings) {
  std::string out;
  for (const auto* finding : findings) {
    out += (out.empty() ? "" : " ") + finding->rule->id;
  }
  return out;
}

}  // namespace

TEST_CASE("orders findings by framework, then strength, then area as first seen, then as applied") {
  const Audit audit({
      {"a1", 0, Strength::should, "policy", Outcome::not_met},
      {"a2", 0, Strength::must, "training", Outcome::met},
      {"b1", 1, Strength::must, "groups", Outcome::not_met},
      {"a3", 0, Strength::should, "training", Outcome::not_met},
      {"a4", 0, Strength::must, "policy", Outcome::not_assessable},
      {"a5", 0, Strength::should, "policy", Outcome::met},
      {"a6", 0, Strength::good_practice, "aaa", Outcome::needs_attestation},
  });
  const auto summary = ppsaudit::report::summarize(audit.service);
  // Framework A first (its rule was applied first); musts before shoulds; within a strength,
  // "policy" (seen first) before "training"; "aaa" is last, a weaker strength, though first
  // alphabetically.
  CHECK(ids(summary.findings) == "a4 a2 a1 a5 a3 a6 b1");
  CHECK(ids(summary.with(Outcome::not_met)) == "a1 a3 b1");
  REQUIRE(summary.frameworks.size() == 2);
  CHECK(summary.frameworks[0].framework == "A");
  CHECK(ids(summary.frameworks[0].findings) == "a4 a2 a1 a5 a3 a6");
  CHECK(ids(summary.frameworks[1].findings) == "b1");
}

TEST_CASE("counts results per area, per framework and for the service") {
  const Audit audit({
      {"a1", 0, Strength::should, "policy", Outcome::not_met},
      {"a2", 0, Strength::must, "training", Outcome::met},
      {"a3", 0, Strength::should, "policy", Outcome::met},
      {"b1", 1, Strength::must, "groups", Outcome::not_applicable},
  });
  const auto summary = ppsaudit::report::summarize(audit.service);
  CHECK(summary.counts.total() == 4);
  CHECK(summary.counts.of(Outcome::met) == 2);
  CHECK(summary.counts.of(Outcome::not_applicable) == 1);
  const auto& a = summary.frameworks[0];
  REQUIRE(a.areas.size() == 2);
  CHECK(a.areas[0].area == "policy");
  CHECK(a.areas[0].counts.of(Outcome::met) == 1);
  CHECK(a.areas[0].counts.of(Outcome::not_met) == 1);
  CHECK(a.areas[1].area == "training");
  CHECK(a.areas[1].counts.total() == 1);
  CHECK(a.counts.total() == 3);
  CHECK(summary.frameworks[1].counts.of(Outcome::not_applicable) == 1);
}

TEST_CASE("the worst result is the strongest rule not met, or failing that the strongest not assessable") {
  const Audit audit({
      {"a1", 0, Strength::should, "policy", Outcome::not_met},
      {"a2", 0, Strength::must, "training", Outcome::not_assessable},
      {"b1", 1, Strength::must, "groups", Outcome::not_met},
      {"b2", 1, Strength::must, "groups", Outcome::met},
  });
  const auto summary = ppsaudit::report::summarize(audit.service);
  const auto* worst = ppsaudit::report::worst_finding(summary);
  REQUIRE(worst != nullptr);
  CHECK(worst->rule->id == "b1");  // a must not met outranks a must not assessable met earlier
  const auto result = ppsaudit::report::worst_result(summary);
  REQUIRE(result.has_value());
  CHECK(result->rule == "b1");
  CHECK(result->outcome == Outcome::not_met);
  CHECK(result->strength == Strength::must);
  CHECK(ppsaudit::report::worst_label(result) == "not met: must, b1");
}

TEST_CASE("a stronger rule not assessable is worse than a weaker rule not met") {
  const Audit audit({
      {"a1", 0, Strength::should, "policy", Outcome::not_met},
      {"a2", 0, Strength::must, "training", Outcome::not_assessable},
  });
  CHECK(ppsaudit::report::worst_finding(ppsaudit::report::summarize(audit.service))->rule->id == "a2");
}

TEST_CASE("a service with nothing not met or not assessable has no worst result") {
  const Audit audit({{"a1", 0, Strength::must, "policy", Outcome::met},
                     {"a2", 0, Strength::should, "policy", Outcome::needs_attestation}});
  CHECK(ppsaudit::report::worst_finding(ppsaudit::report::summarize(audit.service)) == nullptr);
  const auto result = ppsaudit::report::worst_result(ppsaudit::report::summarize(audit.service));
  CHECK_FALSE(result.has_value());
  CHECK(ppsaudit::report::worst_label(result) == "none");
}

TEST_CASE("a result under a waiver in force is neither the worst nor an action, and is counted as waived") {
  Audit audit({
      {"a1", 0, Strength::should, "policy", Outcome::not_met},
      {"a2", 0, Strength::must, "training", Outcome::not_met},
      {"a3", 0, Strength::must, "training", Outcome::not_assessable},
  });
  const ppsaudit::Date granted = *ppsaudit::Date::from_ymd(2008, 1, 1);
  const ppsaudit::Date expires = *ppsaudit::Date::from_ymd(2008, 12, 31);
  audit.service.audit.findings[1].waiver = ppsaudit::rules::Waiver{"a2", "", "j", "a", granted, expires, {}};
  audit.service.audit.findings[1].waiver_state = ppsaudit::rules::WaiverState::applied;
  // An expired waiver leaves the result as it was.
  audit.service.audit.findings[2].waiver = ppsaudit::rules::Waiver{"a3", "", "j", "a", granted, expires, {}};
  audit.service.audit.findings[2].waiver_state = ppsaudit::rules::WaiverState::expired;
  const auto summary = ppsaudit::report::summarize(audit.service);
  CHECK(ppsaudit::report::worst_finding(summary)->rule->id == "a3");
  CHECK(ids(ppsaudit::report::top_actions(summary)) == "a1");
  CHECK(summary.counts.of(Outcome::not_met) == 2);
  CHECK(summary.waived.of(Outcome::not_met) == 1);
  CHECK(summary.waived.of(Outcome::not_assessable) == 0);
  CHECK(summary.frameworks[0].waived.total() == 1);
  CHECK(ppsaudit::report::waived_suffix(summary.waived, Outcome::not_met) == " (1 waived)");
  CHECK(ppsaudit::report::waived_suffix(summary.waived, Outcome::met).empty());
  // With only the waived result failing, there is no worst result and nothing to do.
  audit.service.audit.findings[0].outcome = Outcome::met;
  audit.service.audit.findings[2].outcome = Outcome::met;
  const auto waived_only = ppsaudit::report::summarize(audit.service);
  CHECK(ppsaudit::report::worst_finding(waived_only) == nullptr);
  CHECK(ppsaudit::report::top_actions(waived_only).empty());
}

TEST_CASE("a broken file is located at its first error in the file itself") {
  ppsaudit::report::BrokenFile broken;
  broken.file = "s.yaml";
  broken.diagnostics.push_back({ppsaudit::Severity::error, {}, "cannot open 'p.yaml'"});
  broken.diagnostics.push_back(
      {ppsaudit::Severity::error, ppsaudit::make_location(std::make_shared<const std::string>("s.yaml"), 3, 4), "x"});
  CHECK(broken.first_error().where.line == 3);
  ppsaudit::report::Report report;
  CHECK_FALSE(ppsaudit::report::has_rollup(report));
  report.broken.push_back(broken);
  CHECK_FALSE(ppsaudit::report::has_rollup(report));
  report.broken.push_back(broken);
  CHECK(ppsaudit::report::has_rollup(report));
}
