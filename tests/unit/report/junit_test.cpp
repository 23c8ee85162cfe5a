#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "report/formats.hpp"
#include "report/junit.hpp"

namespace {

using ppsaudit::report::XmlPlace;
using ppsaudit::report::xml_escape;
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

TEST_CASE("xml_escape turns markup characters into entities") {
  CHECK(xml_escape("<script>alert(1)</script>", XmlPlace::content) == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(xml_escape("a & b", XmlPlace::content) == "a &amp; b");
  CHECK(xml_escape("]]>", XmlPlace::content) == "]]&gt;");
  CHECK(xml_escape("\"q\" 'a'", XmlPlace::attribute) == "&quot;q&quot; &apos;a&apos;");
  CHECK(xml_escape("\"q\" 'a'", XmlPlace::content) == "\"q\" 'a'");
}

TEST_CASE("xml_escape keeps line breaks and tabs, as references in an attribute") {
  CHECK(xml_escape("a\nb\tc\rd", XmlPlace::attribute) == "a&#10;b&#9;c&#13;d");
  CHECK(xml_escape("a\nb\tc\rd", XmlPlace::content) == "a\nb\tc&#13;d");
}

TEST_CASE("xml_escape shows the control characters XML 1.0 cannot carry") {
  CHECK(xml_escape("\x1b[2J", XmlPlace::content) == "\\x1b[2J");
  CHECK(xml_escape(std::string("nul\0end", 7), XmlPlace::attribute) == "nul\\x00end");
  CHECK(xml_escape("\x01\x08\x0b\x0c\x1f", XmlPlace::content) == "\\x01\\x08\\x0b\\x0c\\x1f");
}

TEST_CASE("xml_escape replaces bytes that are not UTF-8 and the noncharacters XML forbids") {
  CHECK(xml_escape("caf\xe9", XmlPlace::content) == "caf\xef\xbf\xbd");
  CHECK(xml_escape("\xc0\xaf", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");  // overlong '/'
  CHECK(xml_escape("\xed\xa0\x80", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
  CHECK(xml_escape("\xef\xbf\xbe\xef\xbf\xbf", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");
  CHECK(xml_escape("\xe2\x80", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");  // cut short
}

TEST_CASE("xml_escape leaves ordinary UTF-8 alone") {
  CHECK(xml_escape("£5 — ☂ \xf0\x9f\x98\x80", XmlPlace::attribute) == "£5 — ☂ \xf0\x9f\x98\x80");
}

TEST_CASE("junit maps each outcome to a result element and counts it") {
  const OneOfEach service;
  const std::string xml = ppsaudit::report::find_format("junit")->render(service.context);
  CHECK(xml.find(R"(<testsuites name="ppsaudit" tests="5" failures="2" errors="1" skipped="1">)") !=
        std::string::npos);
  CHECK(xml.find(R"(<testsuite name="svc.yaml — Framework" tests="5" failures="2" errors="1" skipped="1">)") !=
        std::string::npos);
  CHECK(xml.find(R"(<testcase name="rule-met" classname="pack"/>)") != std::string::npos);
  CHECK(xml.find(R"(<failure message="why &lt;not&gt;" type="must_have_regard">)") != std::string::npos);
  CHECK(xml.find(R"(<failure message="why &lt;not&gt;" type="needs_attestation">)") != std::string::npos);
  CHECK(xml.find(R"(<error message="why &lt;not&gt;" type="not_assessable">)") != std::string::npos);
  CHECK(xml.find(R"(<skipped message="why &lt;not&gt;"/>)") != std::string::npos);
}
