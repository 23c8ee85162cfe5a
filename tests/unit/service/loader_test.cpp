#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "service/loader.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::service::parse_service;

namespace {

constexpr std::string_view k_minimal =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n";

// Every diagnostic, formatted as the user sees it.
std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& item : diagnostics.all()) {
    lines.push_back(ppsaudit::format_diagnostic(item));
  }
  return lines;
}

std::vector<std::string> errors_of(std::string_view text) {
  Diagnostics diagnostics;
  auto file = parse_service(text, "t.yaml", diagnostics);
  CHECK_FALSE(file.has_value());
  return messages(diagnostics);
}

}  // namespace

TEST_CASE("loads a minimal service and keeps each value's position") {
  Diagnostics diagnostics;
  auto file = parse_service(k_minimal, "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  CHECK(diagnostics.empty());
  CHECK(file->name() == "Test Service");
  const auto* service = file->root.find("service");
  REQUIRE(service != nullptr);
  const auto* authority = service->find("local_authority");
  REQUIRE(authority != nullptr);
  CHECK(*authority->as_text() == "Test Council");
  CHECK(authority->where.to_string() == "t.yaml:4:20");
  CHECK(service->key_location("hosting").to_string() == "t.yaml:5:3");
  const auto* audiences = service->find("audiences")->as_list();
  REQUIRE(audiences != nullptr);
  CHECK(audiences->at(0).where.to_string() == "t.yaml:7:15");
}

TEST_CASE("accepts a byte order mark and CRLF line endings with the same positions") {
  std::string windows = "\xEF\xBB\xBF";
  for (char c : k_minimal) {
    if (c == '\n') {
      windows += '\r';
    }
    windows += c;
  }
  Diagnostics diagnostics;
  auto file = parse_service(windows, "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  CHECK(*file->root.find("service")->find("name")->as_text() == "Test Service");
  CHECK(file->root.find("service")->find("local_authority")->where.to_string() == "t.yaml:4:20");
}

TEST_CASE("types dates, cadences and academic years as it reads them") {
  std::string text(k_minimal);
  text +=
      "policies:\n"
      "  - id: imp\n"
      "    kind: impartiality\n"
      "    title: Impartiality\n"
      "    last_reviewed: 2007-09-01\n"
      "    review: {cadence: every 2 years}\n"
      "annual_reports:\n"
      "  - period: {kind: academic, year: 2006/07}\n";
  Diagnostics diagnostics;
  auto file = parse_service(text, "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  const auto& policy = file->root.find("policies")->as_list()->at(0);
  CHECK(policy.find("last_reviewed")->as_date()->to_string() == "2007-09-01");
  const auto& cadence = std::get<ppsaudit::Cadence>(policy.find("review")->find("cadence")->value);
  CHECK(cadence.to_string() == "biennially");
  const auto& report = file->root.find("annual_reports")->as_list()->at(0);
  CHECK(std::get<ppsaudit::yaml::AcademicYear>(report.find("period")->find("year")->value).start == 2006);
}

TEST_CASE("reports every problem in a file, in order, not only the first") {
  const auto errors = errors_of(
      "ppsaudit: 1\n"
      "service:\n"
      "  name: Test Service\n"
      "  local_authority: Test Council\n"
      "  hosting: inhouse\n"
      "  framework: sen_cop_2001\n"
      "  audiences: [parents_and_carers]\n"
      "  websit: https://example.org\n"
      "groups:\n"
      "  - {id: pag, name: PAG, type: advisory, meets: bi-annual}\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].starts_with("t.yaml:5:12: error: 'hosting' is 'inhouse', which is not a known hosting "
                              "(did you mean 'in_house'?)"));
  CHECK(errors[1] == "t.yaml:8:3: error: unknown key 'websit' in 'service' (did you mean 'website'?)");
  CHECK(errors[2].starts_with("t.yaml:10:49: error: 'meets': 'bi-annual' is ambiguous"));
}

TEST_CASE("reports a duplicate key at both of its positions") {
  std::string text(k_minimal);
  text += "  name: Again\n";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "t.yaml:8:3: error: duplicate key 'name' in 'service'");
  CHECK(errors[1] == "t.yaml:3:3: note: 'name' is first given here");
}

TEST_CASE("reports a missing required key at its parent's position") {
  const auto errors = errors_of("ppsaudit: 1\nservice:\n  name: X\n  hosting: in_house\n"
                                "  framework: sen_cop_2001\n  audiences: [children]\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.yaml:3:3: error: 'service' is missing the required key 'local_authority' "
                     "(the local authority responsible for it)");
}

TEST_CASE("names a list item by its id in messages") {
  std::string text(k_minimal);
  text += "people:\n  - id: ppo-1\n    kind: staff\n    role: manager\n    startd: 2007-01-01\n";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.yaml:12:5: error: unknown key 'startd' in person 'ppo-1' (did you mean 'started'?)");
}

TEST_CASE("does not count a misspelt required key as missing as well") {
  const auto errors = errors_of("ppsaudit: 1\nservice:\n  nme: X\n  local_authority: Y\n  hosting: in_house\n"
                                "  framework: sen_cop_2001\n  audiences: [children]\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.yaml:3:3: error: unknown key 'nme' in 'service' (did you mean 'name'?)");
}

TEST_CASE("refuses what YAML 1.1 would silently misread") {
  std::string text(k_minimal);
  text += "arms_length:\n  own_identity: yes\n  own_website: 'true'\n";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "t.yaml:9:17: error: 'own_identity' must be true or false, found text 'yes'");
  CHECK(errors[1] == "t.yaml:10:16: error: 'own_website' must be true or false, found quoted text 'true'");
}

TEST_CASE("refuses anchors, extra documents and deep nesting before building anything") {
  CHECK(errors_of("ppsaudit: 1\nx: &a [1]\n") ==
        std::vector<std::string>{"t.yaml:2:4: error: anchors ('&a') and aliases are not allowed in a service file: "
                                 "write each value out"});
  CHECK(errors_of("ppsaudit: 1\n---\nppsaudit: 1\n") ==
        std::vector<std::string>{"t.yaml:2:1: error: the file holds more than one YAML document: "
                                 "a service file is exactly one"});
  // Unclosed, each '[' opens a sequence and an implicit flow map, so the limit is met at the 13th.
  const std::string deep = "x: " + std::string(100000, '[');
  const auto errors = errors_of(deep);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.yaml:1:16: error: nesting deeper than 24 levels: a service file never needs this much");
}

TEST_CASE("checks that references name an existing entry") {
  std::string text(k_minimal);
  text +=
      "groups:\n"
      "  - id: pag\n"
      "    name: PAG\n"
      "    type: advisory\n"
      "    members: [{id: p1, represents: parents}]\n"
      "    chair: p2\n"
      "    meetings: [{date: 2008-01-10, reviewed_policies: [imp]}]\n";
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "t.yaml:13:12: error: 'p2' is not the id of any member of this group (did you mean 'p1'?)");
  CHECK(errors[1] == "t.yaml:14:55: error: 'imp' names a policy, but the file has none");
}
