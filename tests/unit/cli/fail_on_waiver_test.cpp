#include <doctest/doctest.h>

#include "cli/check.hpp"

using ppsaudit::FailOn;
using ppsaudit::rules::Finding;
using ppsaudit::rules::Outcome;
using ppsaudit::rules::Rule;
using ppsaudit::rules::Strength;
using ppsaudit::rules::Waiver;
using ppsaudit::rules::WaiverState;

TEST_CASE("a result under a waiver in force fails no --fail-on threshold, and one whose waiver expired does") {
  Rule duty;
  duty.id = "sen-cop-2001/advice-for-parents";
  duty.strength = Strength::must;
  Finding finding;
  finding.rule = &duty;
  finding.outcome = Outcome::not_met;
  CHECK(ppsaudit::fails(finding, FailOn::must));
  finding.waiver = Waiver{duty.id, "", "j", "a", {}, {}, {}};
  finding.waiver_state = WaiverState::applied;
  for (const auto fail_on : {FailOn::must, FailOn::should, FailOn::any}) {
    CHECK_FALSE(ppsaudit::fails(finding, fail_on));
  }
  CHECK_FALSE(ppsaudit::fails(finding, FailOn::new_failures, true));
  finding.waiver_state = WaiverState::expired;
  CHECK(ppsaudit::fails(finding, FailOn::must));
  finding.waiver_state = WaiverState::pending;
  CHECK(ppsaudit::fails(finding, FailOn::must));
}
