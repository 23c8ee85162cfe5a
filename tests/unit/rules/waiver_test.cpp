#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "rules/engine.hpp"
#include "rules/waiver.hpp"
#include "service/loader.hpp"

using ppsaudit::Date;
using ppsaudit::Diagnostics;
using ppsaudit::rules::Finding;
using ppsaudit::rules::Outcome;
using ppsaudit::rules::Rule;
using ppsaudit::rules::Strength;
using ppsaudit::rules::Waiver;
using ppsaudit::rules::WaiverState;

namespace {

constexpr std::string_view k_head =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n"
    "waivers:\n";

Date day(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

struct Read {
  std::vector<Waiver> waivers;
  std::string messages;
};

Read read(std::string_view entries, const std::vector<const Rule*>& rules, ppsaudit::rules::WaiverPolicy policy = {}) {
  Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(std::string(k_head) + std::string(entries), "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  Read result;
  result.waivers = ppsaudit::rules::read_waivers(*file, rules, policy, diagnostics);
  for (const auto& diagnostic : diagnostics.all()) {
    result.messages += ppsaudit::format_diagnostic(diagnostic) + "\n";
  }
  return result;
}

Rule rule(std::string id, Strength strength) {
  Rule made;
  made.id = std::move(id);
  made.strength = strength;
  return made;
}

Waiver waiver(std::string rule_id, std::string scope, Date granted, Date expires) {
  return Waiver{std::move(rule_id),
                std::move(scope),
                "a parent member is being recruited",
                "Jo Bloggs, chair",
                granted,
                expires,
                {}};
}

}  // namespace

TEST_CASE("a waiver naming a rule the audit applies is read with every field") {
  const Rule steer = rule("nppn-2010/steering-group", Strength::should);
  const auto result = read(
      "  - rule: nppn-2010/steering-group\n"
      "    scope: people[id=ppo]\n"
      "    justification: a parent member is being recruited\n"
      "    approved_by: Jo Bloggs, chair\n"
      "    granted: 2009-01-10\n"
      "    expires: 2009-12-31\n",
      {&steer});
  CHECK(result.messages.empty());
  REQUIRE(result.waivers.size() == 1);
  const Waiver& read_waiver = result.waivers.front();
  CHECK(read_waiver.rule == "nppn-2010/steering-group");
  CHECK(read_waiver.scope == "people[id=ppo]");
  CHECK(read_waiver.approved_by == "Jo Bloggs, chair");
  CHECK(read_waiver.granted == day(2009, 1, 10));
  CHECK(read_waiver.expires == day(2009, 12, 31));
  CHECK(read_waiver.where.to_string() == "t.yaml:9:11");
}

TEST_CASE("a waiver of a rule the audit does not apply is refused with the rule meant") {
  const Rule steer = rule("nppn-2010/steering-group", Strength::should);
  const auto result = read(
      "  - {rule: nppn-2010/steering-gruop, justification: j, approved_by: a, granted: 2009-01-10, "
      "expires: 2009-12-31}\n",
      {&steer});
  CHECK(result.waivers.empty());
  CHECK(result.messages ==
        "t.yaml:9:12: error: waiver of 'nppn-2010/steering-gruop', which is not a rule this audit applies (did you "
        "mean 'nppn-2010/steering-group'?)\n");
}

TEST_CASE("by default a waiver runs at most a year, to its grant date's anniversary, 29 February or not") {
  const Rule steer = rule("nppn-2010/steering-group", Strength::should);
  const auto entry = [](std::string_view granted, std::string_view expires) {
    return fmt::format(
        "  - {{rule: nppn-2010/steering-group, justification: j, approved_by: a, granted: {}, expires: {}}}\n", granted,
        expires);
  };
  // A year with 29 February in it is 366 days, and is one year.
  CHECK(read(entry("2007-03-01", "2008-03-01"), {&steer}).waivers.size() == 1);
  CHECK(read(entry("2008-01-01", "2009-01-01"), {&steer}).waivers.size() == 1);
  const auto day_over = read(entry("2009-01-01", "2010-01-02"), {&steer});
  CHECK(day_over.waivers.empty());
  CHECK(day_over.messages ==
        "t.yaml:9:102: error: waiver of 'nppn-2010/steering-group' runs from 2009-01-01 to 2010-01-02, longer than a "
        "year: it may expire on 2010-01-01 at the latest (or set --max-waiver-days)\n");
  // One granted on 29 February has its anniversary on 28 February.
  CHECK(read(entry("2008-02-29", "2009-02-28"), {&steer}).waivers.size() == 1);
  CHECK(read(entry("2008-02-29", "2009-03-01"), {&steer}).messages.find("at the latest") != std::string::npos);
}

TEST_CASE("a waiver longer than --max-waiver-days, when it is given, is refused at its expiry") {
  const Rule steer = rule("nppn-2010/steering-group", Strength::should);
  const std::string_view entry =
      "  - {rule: nppn-2010/steering-group, justification: j, approved_by: a, granted: 2009-01-01, "
      "expires: 2010-01-02}\n";
  const auto refused = read(entry, {&steer}, {365, false, true});
  CHECK(refused.waivers.empty());
  CHECK(refused.messages ==
        "t.yaml:9:102: error: waiver of 'nppn-2010/steering-group' runs 366 days, from 2009-01-01 to 2010-01-02: the "
        "most is 365 (--max-waiver-days)\n");
  CHECK(read(entry, {&steer}, {366, false, true}).messages.empty());
  // Given days replace the year: 2007-03-01 to 2008-03-01 is 366 days.
  CHECK(!read("  - {rule: nppn-2010/steering-group, justification: j, approved_by: a, granted: 2007-03-01, "
              "expires: 2008-03-01}\n",
              {&steer}, {365, false, true})
             .messages.empty());
}

TEST_CASE("a waiver of a legal duty needs --allow-statutory-waivers, unless waivers are not applied") {
  const Rule duty = rule("sen-cop-2001/advice-for-parents", Strength::must);
  const std::string_view entry =
      "  - {rule: sen-cop-2001/advice-for-parents, justification: j, approved_by: a, granted: 2009-01-01, "
      "expires: 2009-06-30}\n";
  const auto refused = read(entry, {&duty});
  CHECK(refused.waivers.empty());
  CHECK(refused.messages.find("a statutory duty is waived only with --allow-statutory-waivers") != std::string::npos);
  CHECK(read(entry, {&duty}, {std::nullopt, true, true}).waivers.size() == 1);
  CHECK(read(entry, {&duty}, {std::nullopt, false, false}).messages.empty());
}

TEST_CASE("a waiver applies to the end of its last day, then expires, and one matching nothing is stale") {
  const Rule steer = rule("nppn-2010/steering-group", Strength::should);
  const Rule other = rule("nppn-2010/annual-report", Strength::should);
  const std::vector<Waiver> waivers{waiver(steer.id, "", day(2009, 1, 1), day(2009, 6, 30)),
                                    waiver(other.id, "", day(2009, 1, 1), day(2009, 6, 30))};
  const auto audit = [&](Date as_of) {
    std::vector<Finding> findings(2);
    findings[0].rule = &steer;
    findings[0].outcome = Outcome::not_met;
    findings[1].rule = &other;
    findings[1].outcome = Outcome::met;
    auto stale = ppsaudit::rules::apply_waivers(findings, waivers, as_of);
    return std::pair{findings, stale};
  };
  const auto [on_last_day, stale] = audit(day(2009, 6, 30));
  REQUIRE(on_last_day[0].waiver.has_value());
  CHECK(on_last_day[0].waiver_state == WaiverState::applied);
  CHECK(on_last_day[0].outcome == Outcome::not_met);  // the result keeps its outcome
  CHECK(ppsaudit::rules::is_waived(on_last_day[0]));
  CHECK_FALSE(on_last_day[1].waiver.has_value());
  REQUIRE(stale.size() == 1);
  CHECK(stale.front().rule == other.id);

  const auto [next_day, unused] = audit(day(2009, 7, 1));
  CHECK(next_day[0].waiver_state == WaiverState::expired);
  CHECK_FALSE(ppsaudit::rules::is_waived(next_day[0]));
  CHECK(ppsaudit::rules::waiver_note(next_day[0]).starts_with("waiver expired on 2009-06-30"));

  const auto [before, unused_too] = audit(day(2008, 12, 31));
  CHECK(before[0].waiver_state == WaiverState::pending);
  CHECK_FALSE(ppsaudit::rules::is_waived(before[0]));
}

TEST_CASE("a scoped waiver applies only to a result whose records at fault include its element") {
  const Rule trained = rule("sen-cop-2001/ips-recruited-and-trained", Strength::should);
  const std::vector<Waiver> waivers{waiver(trained.id, "people[id=ips-2]", day(2009, 1, 1), day(2009, 6, 30))};
  std::vector<Finding> findings(1);
  findings[0].rule = &trained;
  findings[0].outcome = Outcome::not_met;
  findings[0].elements = {"people[id=ips-1]"};
  CHECK(ppsaudit::rules::apply_waivers(findings, waivers, day(2009, 3, 1)).size() == 1);
  CHECK_FALSE(findings[0].waiver.has_value());
  findings[0].elements = {"people[id=ips-1]", "people[id=ips-2]"};
  CHECK(ppsaudit::rules::apply_waivers(findings, waivers, day(2009, 3, 1)).empty());
  CHECK(ppsaudit::rules::is_waived(findings[0]));
}
