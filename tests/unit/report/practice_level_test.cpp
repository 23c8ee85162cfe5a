#include <vector>

#include <doctest/doctest.h>

#include "report/model.hpp"

namespace {

using ppsaudit::rules::Finding;
using ppsaudit::rules::Outcome;
using ppsaudit::rules::Rule;

// Rules at the given levels, with one finding each.
struct Audit {
  std::vector<Rule> rules;
  std::vector<Finding> findings;

  Audit(std::initializer_list<std::pair<const char*, Outcome>> results) {
    rules.reserve(results.size());
    for (const auto& [level, outcome] : results) {
      rules.push_back(Rule{});
      rules.back().level = level;
      findings.push_back(Finding{nullptr, outcome, "", {}, false});
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
      findings[i].rule = &rules[i];
    }
  }

  std::string level() const {
    std::vector<const Finding*> pointers;
    for (const auto& finding : findings) {
      pointers.push_back(&finding);
    }
    return ppsaudit::report::practice_level_reached(pointers);
  }
};

}  // namespace

TEST_CASE("reaches a level only when it and every level below have all their rules met") {
  CHECK(Audit{{"minimum_standard", Outcome::met}, {"good_practice", Outcome::met}, {"best_practice", Outcome::not_met}}
            .level() == "good practice");
  CHECK(Audit{{"minimum_standard", Outcome::met}, {"good_practice", Outcome::needs_attestation}}.level() ==
        "minimum standard");
  CHECK(Audit{{"minimum_standard", Outcome::not_assessable}, {"good_practice", Outcome::met}}.level() ==
        "below the minimum standard");
  CHECK(Audit{{"minimum_standard", Outcome::met},
              {"good_practice", Outcome::not_applicable},
              {"best_practice", Outcome::met}}
            .level() == "best practice");
}

TEST_CASE("claims no level above one that has no rules") {
  CHECK(Audit{{"best_practice", Outcome::met}}.level().empty());
  CHECK(Audit{{"minimum_standard", Outcome::met}, {"best_practice", Outcome::met}}.level() == "minimum standard");
  CHECK(Audit{{"", Outcome::met}}.level().empty());
}

TEST_CASE("claims no level from rules whose framework did not apply on the audit date") {
  Audit audit{{"minimum_standard", Outcome::not_applicable},
              {"good_practice", Outcome::not_applicable},
              {"best_practice", Outcome::not_applicable}};
  for (auto& finding : audit.findings) {
    finding.outside_era = true;
  }
  CHECK(audit.level().empty());
}

TEST_CASE("gives a standard of one level, such as the 2018 Minimum Standards, that level") {
  // The 2018 standards' rules are minimum_standard in strength and name no level of their own.
  Audit met{{"", Outcome::met}, {"", Outcome::not_applicable}};
  Audit below{{"", Outcome::met}, {"", Outcome::not_met}};
  Audit should{{"", Outcome::met}};
  for (Audit* audit : {&met, &below, &should}) {
    for (auto& rule : audit->rules) {
      rule.strength =
          audit == &should ? ppsaudit::rules::Strength::should : ppsaudit::rules::Strength::minimum_standard;
    }
  }
  CHECK(met.level() == "minimum standard");
  CHECK(below.level() == "below the minimum standard");
  CHECK(should.level().empty());
}
