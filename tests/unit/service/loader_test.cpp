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

// The reader is tested in tests/unit/yaml/; this proves that it names a service file as one.
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
