#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "rules/era.hpp"
#include "service/loader.hpp"
#include "service/semantics.hpp"

namespace {

using ppsaudit::Date;
using ppsaudit::rules::Catalog;
using ppsaudit::rules::Pack;

Date date(std::string_view text) {
  return std::get<Date>(ppsaudit::parse_date(text));
}

Pack pack(const char* framework, std::optional<Date> from, std::optional<Date> until) {
  Pack out;
  out.framework = framework;
  out.effective_from = from;
  out.effective_until = until;
  return out;
}

// A service file declaring `framework`, which is on line 6, column 14.
ppsaudit::service::ServiceFile service(std::string_view framework) {
  ppsaudit::Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(
      "ppsaudit: 1\n"
      "service:\n"
      "  name: Test Service\n"
      "  local_authority: Test Council\n"
      "  hosting: in_house\n"
      "  framework: " +
          std::string(framework) + "\n  audiences: [parents_and_carers]\n",
      "t.yaml", diagnostics);
  REQUIRE(file);
  return std::move(*file);
}

std::vector<std::string> notes(std::string_view framework, const char* profile, std::string_view as_of) {
  ppsaudit::Diagnostics diagnostics;
  static const Catalog k_catalog = Catalog::builtin(diagnostics);
  const auto file = service(framework);
  std::vector<std::string> out;
  for (const auto& note :
       ppsaudit::rules::era_mismatches(file, ppsaudit::rules::find_profile(profile), k_catalog, date(as_of))) {
    out.push_back(note.where.to_string() + ": " + note.message);
  }
  return out;
}

}  // namespace

TEST_CASE("a pack applies from its first day to its last, both included") {
  const Pack code = pack("SEN Code of Practice 2001", date("2002-01-01"), date("2014-08-31"));
  CHECK_FALSE(ppsaudit::rules::outside_era(code, date("2002-01-01")));
  CHECK_FALSE(ppsaudit::rules::outside_era(code, date("2014-08-31")));
  CHECK(ppsaudit::rules::outside_era(code, date("2001-12-31")) ==
        "the SEN Code of Practice 2001 did not yet apply on 2001-12-31 (applies from 2002-01-01)");
  CHECK(ppsaudit::rules::outside_era(code, date("2019-03-31")) ==
        "the SEN Code of Practice 2001 no longer applied on 2019-03-31 (replaced on 2014-09-01)");
}

TEST_CASE("a pack without dates applies on every day") {
  CHECK_FALSE(ppsaudit::rules::outside_era(pack("NPPN impartiality guidance", {}, {}), date("1990-01-01")));
}

TEST_CASE("says nothing when the profile, the audit date and the framework agree") {
  CHECK(notes("sen_cop_2001", "pps", "2008-07-31").empty());
  CHECK(notes("send_cop_2015", "iass", "2019-03-31").empty());
}

TEST_CASE("says when a 2008 parent partnership service is audited under the 2014 Act") {
  CHECK(notes("sen_cop_2001", "iass", "2008-07-31") ==
        std::vector<std::string>{
            "t.yaml:6:14: the service's framework is 'sen_cop_2001' (profile 'pps'), but it is audited with profile "
            "'iass'",
            "t.yaml:6:14: profile 'iass' did not yet apply on 2008-07-31 (applies from 2014-09-01)"});
}

TEST_CASE("says when an old policy is audited against today's law, deliberately or not") {
  CHECK(notes("sen_cop_2001", "iass", "2019-03-31") ==
        std::vector<std::string>{
            "t.yaml:6:14: the service's framework is 'sen_cop_2001' (profile 'pps'), but it is audited with profile "
            "'iass'",
            "t.yaml:6:14: the service's framework 'sen_cop_2001' no longer applied on 2019-03-31 (replaced on "
            "2014-09-01)"});
}

TEST_CASE("says when a service's own framework did not apply on the audit date") {
  CHECK(notes("send_cop_2015", "iass", "2010-07-31") ==
        std::vector<std::string>{"t.yaml:6:14: the service's framework 'send_cop_2015' (profile 'iass') did not yet "
                                 "apply on 2010-07-31 (applies from 2014-09-01)"});
  CHECK(notes("sen_cop_2001", "pps", "2019-03-31") ==
        std::vector<std::string>{"t.yaml:6:14: the service's framework 'sen_cop_2001' (profile 'pps') no longer "
                                 "applied on 2019-03-31 (replaced on 2014-09-01)"});
}

TEST_CASE("dates a self-assessment against a pack's framework from the day the pack applies") {
  ppsaudit::Diagnostics diagnostics;
  const Catalog catalog = Catalog::builtin(diagnostics);
  REQUIRE(catalog.find_pack("nppn-2010") != nullptr);
  REQUIRE(catalog.find_pack("iass-2018") != nullptr);
  CHECK(ppsaudit::service::framework_first_day("nppn_2010") == catalog.find_pack("nppn-2010")->effective_from);
  CHECK(ppsaudit::service::framework_first_day("minimum_standards_2018") ==
        catalog.find_pack("iass-2018")->effective_from);
  CHECK_FALSE(ppsaudit::service::framework_first_day("other"));
}
