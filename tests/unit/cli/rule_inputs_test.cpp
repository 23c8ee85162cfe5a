#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "cli/rule_inputs.hpp"
#include "service/loader.hpp"

namespace {

using ppsaudit::Diagnostics;

// A service file declaring `framework`, with no local packs.
ppsaudit::service::ServiceFile service(std::string_view framework) {
  Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(
      fmt::format("ppsaudit: 1\nservice:\n  name: Test Service\n  local_authority: Test Council\n"
                  "  hosting: in_house\n  framework: {}\n  audiences: [parents_and_carers]\n",
                  framework),
      "t.yaml", diagnostics);
  REQUIRE(file);
  return std::move(*file);
}

// The ids of the packs read so far, in name order.
std::string read_packs(const ppsaudit::LoadedRules& loaded) {
  std::vector<std::string> ids;
  for (const auto& pack : loaded.catalog.packs()) {
    ids.push_back(pack->id);
  }
  std::sort(ids.begin(), ids.end());
  return fmt::format("{}", fmt::join(ids, " "));
}

}  // namespace

TEST_CASE("an audit reads the built-in packs of each service's own profile, and only those") {
  Diagnostics diagnostics;
  auto loaded = ppsaudit::load_rules_for_audit({}, nullptr, diagnostics);
  REQUIRE(loaded);
  CHECK(read_packs(*loaded).empty());
  CHECK(ppsaudit::local_packs_of(service("sen_cop_2001"), *loaded, diagnostics).empty());
  CHECK(read_packs(*loaded) == "nppn-2010 nppn-impartiality sen-cop-2001 stone-2004");
  ppsaudit::local_packs_of(service("send_cop_2015"), *loaded, diagnostics);
  ppsaudit::local_packs_of(service("sen_cop_2001"), *loaded, diagnostics);
  CHECK(read_packs(*loaded) == "iass-2018 nppn-2010 nppn-impartiality sen-cop-2001 send-cop-2015 stone-2004");
  CHECK_FALSE(diagnostics.has_errors());
  for (const auto& pack : loaded->catalog.packs()) {
    CHECK(pack->rules.front().fixtures.empty());
  }
}

TEST_CASE("under --profile an audit reads that profile's packs and the pack that dates a service's own era") {
  Diagnostics diagnostics;
  auto loaded = ppsaudit::load_rules_for_audit({}, ppsaudit::rules::find_profile("iass"), diagnostics);
  REQUIRE(loaded);
  CHECK(read_packs(*loaded) == "iass-2018 send-cop-2015");
  ppsaudit::local_packs_of(service("sen_cop_2001"), *loaded, diagnostics);
  CHECK(read_packs(*loaded) == "iass-2018 sen-cop-2001 send-cop-2015");
  CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("rules list and explain still read every built-in pack, with fixtures") {
  Diagnostics diagnostics;
  auto loaded = ppsaudit::load_rules({}, diagnostics);
  REQUIRE(loaded);
  CHECK(loaded->catalog.packs().size() == 6);
  for (const auto& pack : loaded->catalog.packs()) {
    CHECK_FALSE(pack->rules.front().fixtures.empty());
  }
}
