#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "rules/catalog.hpp"
#include "rules/engine.hpp"
#include "service/loader.hpp"

// Booked training never makes a rule met; past the three months from a start date, the message
// says what is booked and for when (rules/README.md, "Training has a deadline").

namespace {

using ppsaudit::Date;
using ppsaudit::rules::Catalog;
using ppsaudit::rules::Outcome;

constexpr std::string_view k_header =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n";

struct Result {
  Outcome outcome;
  std::string message;
};

Result audit(std::string_view rule_id, std::string_view people, std::string_view as_of) {
  ppsaudit::Diagnostics diagnostics;
  static const Catalog k_catalog = Catalog::builtin(diagnostics);
  const auto* rule = k_catalog.find_rule(rule_id);
  REQUIRE(rule != nullptr);
  auto file = ppsaudit::service::parse_service(std::string(k_header) + std::string(people), "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  const auto audit = ppsaudit::rules::audit_service(*file, {rule}, std::get<Date>(ppsaudit::parse_date(as_of)));
  REQUIRE(audit.findings.size() == 1);
  return {audit.findings[0].outcome, audit.findings[0].message};
}

// A volunteer IPS who started in January 2010, with induction booked for June and, made after
// the audit date, IPS training for July.
constexpr std::string_view k_booked_volunteer =
    "people:\n"
    "  - id: ips1\n"
    "    kind: volunteer\n"
    "    role: independent_parental_supporter\n"
    "    started: 2010-01-11\n"
    "    training: []\n"
    "    booked_training:\n"
    "      - {topic: induction, date: 2010-06-14, booked_on: 2010-03-01}\n"
    "      - {topic: independent_parental_supporter, date: 2010-07-05, booked_on: 2010-05-20}\n";

}  // namespace

TEST_CASE("a course booked after the three months leaves the rule not met, and the message says for when") {
  const Result result = audit("nppn-2010/staff-minimum", k_booked_volunteer, "2010-05-01");
  CHECK(result.outcome == Outcome::not_met);
  CHECK(result.message.find("ips1 (started 2010-01-11; induction booked for 2010-06-14)") != std::string::npos);
  // The IPS course was booked on 20 May, after the audit date: nobody knew of it then.
  CHECK(result.message.find("independent_parental_supporter booked") == std::string::npos);
}

TEST_CASE("a booked course whose date has passed without a record of it is said to be not done") {
  const Result result = audit("sen-cop-2001/ips-recruited-and-trained", k_booked_volunteer, "2010-06-30");
  CHECK(result.outcome == Outcome::not_met);
  CHECK(result.message.find("induction booked for 2010-06-14, not recorded as done") != std::string::npos);
  CHECK(result.message.find("independent_parental_supporter booked for 2010-07-05") != std::string::npos);
}

TEST_CASE("a new starter with training only booked is not yet in breach") {
  CHECK(audit("nppn-2010/staff-minimum", k_booked_volunteer, "2010-03-31").outcome == Outcome::met);
}
