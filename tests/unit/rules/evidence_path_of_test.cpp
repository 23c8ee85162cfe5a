#include <string>

#include <doctest/doctest.h>

#include "rules/evidence_path.hpp"
#include "service/loader.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::rules::evidence_path_of;
using ppsaudit::rules::find_evidence;

namespace {

constexpr std::string_view k_service =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n"
    "people:\n"
    "  - id: ppo\n"
    "    kind: staff\n"
    "    role: manager\n"
    "  - {id: ips, kind: volunteer, role: independent_parental_supporter}\n"
    "annual_reports:\n"
    "  - period: {kind: financial, year: 2009/10}\n"
    "    published: 2010-06-01\n"
    "  - period: {kind: financial, year: 2010/11}\n"
    "    published: 2011-06-01\n"
    "arms_length:\n"
    "  own_website: true\n";

ppsaudit::service::ServiceFile load(std::string_view text) {
  Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(text, "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  return std::move(*file);
}

}  // namespace

TEST_CASE("a list item's evidence path picks it by id, or by a field no sibling shares") {
  const auto file = load(k_service);
  for (const char* path : {"people[id=ppo]", "people[id=ips]", "annual_reports[published=2011-06-01]", "arms_length"}) {
    CAPTURE(path);
    const auto where = find_evidence(file, path);
    REQUIRE(where.has_value());
    // The inverse of find_evidence: the path of the value starting there.
    CHECK(evidence_path_of(file, *where).value_or("none") == std::string(path));
  }
}

TEST_CASE("an evidence path does not change when keys and items are re-ordered and re-indented") {
  const auto reordered = load(
      "ppsaudit: 1\n"
      "people:\n"
      "    -   {role: independent_parental_supporter, kind: volunteer, id: ips}\n"
      "    -   role: manager\n"
      "        id: ppo\n"
      "        kind: staff\n"
      "service: {audiences: [parents_and_carers], framework: sen_cop_2001, hosting: in_house,\n"
      "          local_authority: Test Council, name: Test Service}\n");
  const auto where = find_evidence(reordered, "people[id=ppo]");
  REQUIRE(where.has_value());
  CHECK(where->line == 4);
  CHECK(evidence_path_of(reordered, *where).value_or("none") == "people[id=ppo]");
}

TEST_CASE("items no field tells apart are named by position, and nothing starts at an unknown place") {
  const auto file = load(
      "ppsaudit: 1\n"
      "service:\n"
      "  name: Test Service\n"
      "  local_authority: Test Council\n"
      "  hosting: in_house\n"
      "  framework: sen_cop_2001\n"
      "  audiences: [parents_and_carers]\n"
      "annual_reports:\n"
      "  - period: {kind: financial, year: 2009/10}\n"
      "  - period: {kind: financial, year: 2010/11}\n");
  const auto* reports = file.root.find("annual_reports");
  REQUIRE(reports != nullptr);
  CHECK(evidence_path_of(file, (*reports->as_list())[1].where).value_or("none") == "annual_reports[#2]");
  CHECK_FALSE(evidence_path_of(file, ppsaudit::make_location(file.path, 0, 0)).has_value());
  CHECK_FALSE(evidence_path_of(file, ppsaudit::make_location(file.path, 99, 1)).has_value());
}
