#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "report/formats.hpp"

namespace {

using ppsaudit::rules::Outcome;

// A service with one rule of each outcome, in one framework.
struct OneOfEach {
  ppsaudit::service::ServiceFile file;
  ppsaudit::rules::Pack pack;
  ppsaudit::report::Report context;

  OneOfEach() {
    file.path = std::make_shared<const std::string>("svc.yaml");
    pack.id = "pack";
    pack.framework = "Framework";
    for (const auto outcome : {Outcome::met, Outcome::not_met, Outcome::not_applicable, Outcome::needs_attestation,
                               Outcome::not_assessable}) {
      pack.rules.push_back(ppsaudit::rules::Rule{});
      pack.rules.back().id = "rule-" + std::string(ppsaudit::rules::to_string(outcome));
      pack.rules.back().strength = ppsaudit::rules::Strength::must_have_regard;
      pack.rules.back().pack = &pack;
    }
    context.services.push_back({});
    auto& audit = context.services.back().audit;
    audit.file = &file;
    std::size_t i = 0;
    for (const auto outcome : {Outcome::met, Outcome::not_met, Outcome::not_applicable, Outcome::needs_attestation,
                               Outcome::not_assessable}) {
      audit.findings.push_back({&pack.rules[i++], outcome, "why <not>", {}});
    }
  }
};

}  // namespace

TEST_CASE("junit maps each outcome to a result element and counts it") {
  const OneOfEach service;
  const std::string xml = ppsaudit::report::find_format("junit")->render(service.context);
  CHECK(xml.find(R"(<testsuites name="ppsaudit" tests="5" failures="2" errors="1" skipped="1">)") != std::string::npos);
  CHECK(xml.find(R"(<testsuite name="svc.yaml — Framework" tests="5" failures="2" errors="1" skipped="1">)") !=
        std::string::npos);
  CHECK(xml.find(R"(<testcase name="rule-met" classname="pack"/>)") != std::string::npos);
  CHECK(xml.find(R"(<failure message="why &lt;not&gt;" type="must_have_regard">)") != std::string::npos);
  CHECK(xml.find(R"(<failure message="why &lt;not&gt;" type="needs_attestation">)") != std::string::npos);
  CHECK(xml.find(R"(<error message="why &lt;not&gt;" type="not_assessable">)") != std::string::npos);
  CHECK(xml.find(R"(<skipped message="why &lt;not&gt;"/>)") != std::string::npos);
}
