#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/compare.hpp"
#include "service/loader.hpp"

namespace {

using ppsaudit::rules::Outcome;

// A service file that records `support` among its support levels and, in `covers`, what its
// impartiality policy covers.
ppsaudit::service::ServiceFile service_file(const std::string& support, const std::string& covers) {
  const std::string text =
      "ppsaudit: 1\nservice:\n  name: Test Service\n  local_authority: Test Council\n  hosting: in_house\n"
      "  framework: sen_cop_2001\n  audiences: [parents_and_carers]\n  support_levels: [" +
      support +
      "]\npolicies:\n  - id: impartiality\n    kind: impartiality\n    title: Impartiality Policy\n"
      "    covers: [" +
      covers + "]\n";
  ppsaudit::Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(text, "test.yaml", diagnostics);
  REQUIRE(file.has_value());
  return std::move(*file);
}

// Rules in one framework; each side gives the outcome of the rules it has, by index.
struct Sides {
  ppsaudit::rules::Pack pack;
  ppsaudit::service::ServiceFile file_a;
  ppsaudit::service::ServiceFile file_b;
  ppsaudit::report::AuditedService a;
  ppsaudit::report::AuditedService b;

  Sides(const std::vector<std::pair<int, Outcome>>& outcomes_a, const std::vector<std::pair<int, Outcome>>& outcomes_b,
        ppsaudit::service::ServiceFile first, ppsaudit::service::ServiceFile second)
      : file_a(std::move(first)), file_b(std::move(second)) {
    pack.framework = "F";
    for (const char* id : {"f/r0", "f/r1", "f/r2", "f/r3"}) {
      pack.rules.push_back({});
      pack.rules.back().id = id;
      pack.rules.back().pack = &pack;
    }
    a.audit.file = &file_a;
    b.audit.file = &file_b;
    for (const auto& [rule, outcome] : outcomes_a) {
      a.audit.findings.push_back({&pack.rules[static_cast<std::size_t>(rule)], outcome, "", {}});
    }
    for (const auto& [rule, outcome] : outcomes_b) {
      b.audit.findings.push_back({&pack.rules[static_cast<std::size_t>(rule)], outcome, "", {}});
    }
  }
};

std::string ids(const std::vector<ppsaudit::report::ComparedRule>& list) {
  std::string out;
  for (const auto& compared : list) {
    out += (out.empty() ? "" : " ") + compared.rule->id;
  }
  return out;
}

}  // namespace

TEST_CASE("sorts rules both have into differences and agreements, and one-sided rules apart") {
  const Sides sides({{0, Outcome::met}, {1, Outcome::not_met}, {2, Outcome::met}},
                    {{0, Outcome::not_assessable}, {1, Outcome::not_met}, {3, Outcome::met}},
                    service_file("information", "no_vested_interest"), service_file("advice", "no_vested_interest"));
  const auto comparison = ppsaudit::report::compare(sides.a, sides.b);
  CHECK(ids(comparison.differences) == "f/r0");
  CHECK(ids(comparison.agreements) == "f/r1");
  CHECK(ids(comparison.only_a) == "f/r2");
  CHECK(ids(comparison.only_b) == "f/r3");
  REQUIRE(comparison.only_b.size() == 1);
  CHECK(comparison.only_b[0].a == nullptr);
  REQUIRE(comparison.frameworks.size() == 1);
  CHECK(comparison.frameworks[0].a->counts.of(Outcome::met) == 2);
  CHECK(comparison.frameworks[0].b->counts.of(Outcome::not_assessable) == 1);
  CHECK(comparison.era_directions.empty());
}

TEST_CASE("notes where one service offers advocacy and the other's policy refuses it, in either order") {
  const Sides offers_first({{0, Outcome::met}}, {{0, Outcome::met}}, service_file("advocacy", "no_vested_interest"),
                           service_file("information", "not_advocacy"));
  const auto comparison = ppsaudit::report::compare(offers_first.a, offers_first.b);
  REQUIRE(comparison.era_directions.size() == 1);
  CHECK(comparison.era_directions[0].message.find("A records advocacy") == 0);
  CHECK(comparison.era_directions[0].a.line == 8);
  CHECK(comparison.era_directions[0].b.line == 13);

  const Sides refuses_first({{0, Outcome::met}}, {{0, Outcome::met}}, service_file("information", "not_advocacy"),
                            service_file("representation", "no_vested_interest"));
  const auto reversed = ppsaudit::report::compare(refuses_first.a, refuses_first.b);
  REQUIRE(reversed.era_directions.size() == 1);
  CHECK(reversed.era_directions[0].message.find("A's policy refuses to advocate") == 0);
}

TEST_CASE("gives no era note when both services refuse advocacy alike") {
  const Sides sides({{0, Outcome::met}}, {{0, Outcome::met}}, service_file("information", "not_advocacy"),
                    service_file("advice", "not_advocacy"));
  CHECK(ppsaudit::report::compare(sides.a, sides.b).era_directions.empty());
}
