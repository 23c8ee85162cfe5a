#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/baseline.hpp"
#include "report/model.hpp"
#include "rules/catalog.hpp"
#include "service/loader.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::report::BaselineState;
using ppsaudit::rules::Outcome;

namespace {

std::string errors_of(std::string_view text) {
  Diagnostics diagnostics;
  CHECK_FALSE(ppsaudit::report::parse_baseline(text, "base.json", diagnostics).has_value());
  std::string out;
  for (const auto& item : diagnostics.all()) {
    out += ppsaudit::format_diagnostic(item) + "\n";
  }
  return out;
}

// A baseline report of one service, whose results are given as JSON objects.
std::string report_text(const std::string& results, const std::string& profile = "\"pps\"") {
  return "{\n  \"format\": \"ppsaudit-report\",\n  \"version\": 2,\n  \"services\": [\n    {\"id\": \"C / S\", "
         "\"name\": \"S\", \"file\": \"s.yaml\", \"profile\": " +
         profile + ", \"results\": [" + results + "]}\n  ]\n}\n";
}

std::string result(const std::string& rule, const std::string& outcome, const std::string& elements = "") {
  return "{\"rule\": \"" + rule + "\", \"result\": \"" + outcome +
         "\", \"strength\": \"should\", \"message\": \"\", \"elements\": [" + elements +
         "], \"location\": {\"file\": \"s.yaml\", \"line\": 1, \"column\": 1}}";
}

constexpr std::string_view k_service =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: S\n"
    "  local_authority: C\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n";

// One audited service with a finding per rule id and outcome, and elements at fault.
struct Run {
  ppsaudit::rules::Pack pack;
  std::vector<ppsaudit::service::ServiceFile> files;
  ppsaudit::report::Report report;

  Run(const std::vector<std::pair<std::string, Outcome>>& outcomes,
      const std::vector<std::vector<std::string>>& elements, std::string_view service = k_service) {
    Diagnostics diagnostics;
    files.push_back(*ppsaudit::service::parse_service(service, "s.yaml", diagnostics));
    pack.framework = "F";
    for (const auto& [id, outcome] : outcomes) {
      pack.rules.push_back({});
      pack.rules.back().id = id;
      pack.rules.back().pack = &pack;
    }
    ppsaudit::report::AuditedService audited;
    audited.profile = ppsaudit::rules::find_profile("pps");
    audited.audit.file = &files.front();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      audited.audit.findings.push_back({&pack.rules[i], outcomes[i].second, "", {}});
      audited.audit.findings.back().elements = elements[i];
    }
    report.services.push_back(std::move(audited));
  }

  std::vector<BaselineState> compare(const std::string& baseline_text, Diagnostics& diagnostics) {
    const auto baseline = ppsaudit::report::parse_baseline(baseline_text, "base.json", diagnostics);
    REQUIRE(baseline.has_value());
    if (!ppsaudit::report::compare_with_baseline(report, *baseline, diagnostics)) {
      return {};
    }
    return report.services.front().baseline;
  }
};

}  // namespace

TEST_CASE("a baseline that is not JSON, not a report or of another version is refused where it goes wrong") {
  CHECK(errors_of("{\n  \"format\": \"ppsaudit-report\",\n  \"version\": \n") ==
        "base.json:4:1: error: baseline: not JSON: syntax error while parsing value - unexpected end of input; "
        "expected '[', '{', or a literal\n");
  CHECK(
      errors_of("{\"format\": \"ppsaudit-report\", \"version\": 1, \"services\": []}")
          .starts_with(
              "base.json:1:42: error: baseline: it is in version 1 of the report format, and this ppsaudit reads only "
              "version 2"));
  CHECK(
      errors_of("{\"format\": \"other\"}").starts_with("base.json:1:12: error: baseline: a baseline is a JSON report"));
  CHECK(
      errors_of(report_text("{\"rule\": \"r\"}")).starts_with("base.json:5:82: error: baseline: 'result' is missing"));
  CHECK(errors_of(report_text(result("r", "broken"))).find("'broken' is not a result ppsaudit gives") !=
        std::string::npos);
  CHECK(errors_of(report_text(result("r", "met") + ", " + result("r", "met"))).find("rule 'r' has two results") !=
        std::string::npos);
  CHECK(errors_of(std::string(100, '[') + std::string(100, ']')).find("nested more than 32 deep") != std::string::npos);
}

TEST_CASE("results match by service id, rule and records at fault") {
  Run run({{"still", Outcome::not_met},
           {"fewer", Outcome::not_met},
           {"other-person", Outcome::not_met},
           {"was-met", Outcome::not_met},
           {"mended", Outcome::met},
           {"brand-new", Outcome::met},
           {"still-met", Outcome::met}},
          {{}, {"people[id=a]"}, {"people[id=b]"}, {}, {}, {}, {}});
  Diagnostics diagnostics;
  const auto states = run.compare(
      report_text(result("still", "not_met") + ", " + result("fewer", "not_met", "\"people[id=a]\", \"people[id=b]\"") +
                  ", " + result("other-person", "not_met", "\"people[id=a]\"") + ", " + result("was-met", "met") +
                  ", " + result("mended", "not_assessable") + ", " + result("still-met", "met") + ", " +
                  result("dropped", "not_met")),
      diagnostics);
  CHECK(states == std::vector<BaselineState>{BaselineState::unchanged, BaselineState::unchanged,
                                             BaselineState::new_result, BaselineState::new_result, BaselineState::fixed,
                                             BaselineState::new_result, BaselineState::unchanged});
  REQUIRE(run.report.baseline.has_value());
  REQUIRE(run.report.baseline->absent.size() == 1);
  CHECK(run.report.baseline->absent.front().result.rule == "dropped");
  CHECK(run.report.baseline->absent.front().service_audited);
  CHECK(run.report.baseline->count(BaselineState::new_result) == 3);
}

TEST_CASE("a service the baseline has not is new throughout; one this run has not is absent") {
  Run run({{"r", Outcome::not_met}}, {{}});
  Diagnostics diagnostics;
  const std::string other =
      "{\"format\": \"ppsaudit-report\", \"version\": 2, \"services\": [{\"id\": \"Elsewhere\", "
      "\"name\": \"E\", \"file\": \"e.yaml\", \"profile\": \"pps\", \"results\": [" +
      result("r", "not_met") + "]}]}";
  CHECK(run.compare(other, diagnostics) == std::vector<BaselineState>{BaselineState::new_result});
  REQUIRE(run.report.baseline->absent.size() == 1);
  CHECK_FALSE(run.report.baseline->absent.front().service_audited);
  CHECK(run.report.baseline->absent.front().service_id == "Elsewhere");
}

TEST_CASE("a baseline of another profile is refused at its profile") {
  Run run({{"r", Outcome::met}}, {{}});
  Diagnostics diagnostics;
  CHECK(run.compare(report_text(result("r", "met"), "\"iass\""), diagnostics).empty());
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(ppsaudit::format_diagnostic(diagnostics.all().front())
            .starts_with("base.json:5:63: error: baseline: service 'C / S' was audited under profile iass"));
  CHECK_FALSE(run.report.baseline.has_value());
}

TEST_CASE("service.id, when given, is what a baseline matches") {
  Run run({{"r", Outcome::not_met}}, {{}}, std::string(k_service) + "  id: riverside\n");
  CHECK(run.report.services.front().audit.file->id() == "riverside");
  Run plain({{"r", Outcome::not_met}}, {{}});
  CHECK(plain.report.services.front().audit.file->id() == "C / S");
}
