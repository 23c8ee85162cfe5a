#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "diag/diagnostics.hpp"
#include "rules/catalog.hpp"
#include "rules/embedded.hpp"
#include "rules/engine.hpp"
#include "rules/fixture_free.hpp"
#include "rules/pack_loader.hpp"

namespace {

using ppsaudit::rules::without_fixtures;

// Everything of a rule that an audit reads, and where it is written, as one string.
std::string audited_parts(const ppsaudit::rules::Rule& rule) {
  std::string out =
      fmt::format("{} @{} {} | {} | {} | {} | {} | {}", rule.id, rule.where.to_string(), rule.title, rule.area,
                  ppsaudit::rules::to_string(rule.strength), rule.level, rule.rationale, rule.when_not);
  for (const auto& citation : rule.citations) {
    out += fmt::format(" | {} {} {}", citation.to_string(), ppsaudit::rules::to_string(citation.kind),
                       citation.verification);
  }
  for (const auto* expression :
       {rule.when ? &*rule.when : nullptr, rule.check ? &*rule.check : nullptr, rule.at ? &*rule.at : nullptr}) {
    out += expression != nullptr ? " | " + expression->text + " @" + expression->written->where.to_string() : " | -";
  }
  for (const auto& part : rule.message.parts) {
    const auto* expression = std::get_if<ppsaudit::rules::Expression>(&part);
    out += expression != nullptr ? " ${" + expression->text + "}" : " " + std::get<std::string>(part);
  }
  if (rule.attestation) {
    out += " | " + rule.attestation->statement + (rule.attestation->valid_for ? " (valid for a while)" : "");
  }
  out += fmt::format(" | {} | {} | {}", rule.fix, fmt::join(rule.criteria, ","), fmt::join(rule.evidence, ","));
  return out;
}

std::string finding_text(const ppsaudit::rules::Finding& finding) {
  return fmt::format("{} {} {} @{} also {} elements {}", finding.rule->id, ppsaudit::rules::to_string(finding.outcome),
                     finding.message, finding.where.to_string(), finding.also_at.size(),
                     fmt::join(finding.elements, ","));
}

}  // namespace

TEST_CASE("a pack without fixtures keeps every other line where it was") {
  const std::string text =
      "ppsaudit-rules: 1\n"
      "fixture_base:\n"
      "  service:\n"
      "    name: Base\n"
      "\n"
      "rules:\n"
      "  - id: p/a\n"
      "    rationale: >-\n"
      "      fixtures: are only words here\n"
      "    fixtures:\n"
      "      - name: one\n"
      "        service: {policies: [{id: imp,\n"
      "          kind: impartiality}]}\n"
      "      # a comment in between\n"
      "      - name: two\n"
      "    fix: a later key stays\n"
      "  - id: p/b\n"
      "    fixtures:\n"
      "    - name: at the key's own indentation\n"
      "    - name: also\n"
      "other: kept\n";
  const std::string expected =
      "ppsaudit-rules: 1\n"
      "\n"
      "\n"
      "\n"
      "\n"
      "rules:\n"
      "  - id: p/a\n"
      "    rationale: >-\n"
      "      fixtures: are only words here\n"
      "\n"
      "\n"
      "\n"
      "\n"
      "\n"
      "\n"
      "    fix: a later key stays\n"
      "  - id: p/b\n"
      "\n"
      "\n"
      "\n"
      "other: kept\n";
  CHECK(without_fixtures(text) == expected);
}

TEST_CASE("a pack without fixtures keeps CRLF line ends and a last line without one") {
  CHECK(without_fixtures("a: 1\r\n  fixtures:\r\n    - x\r\nb: 2") == "a: 1\r\n\r\n\r\nb: 2");
  CHECK(without_fixtures("") == "");
}

TEST_CASE("a key that only starts like fixtures is kept") {
  const std::string text = "r:\n  fixtures_note: x\n  'fixtures': y\n  - fixtures: z\n";
  CHECK(without_fixtures(text) == text);
}

TEST_CASE("every built-in pack gives an audit the same rules without its fixtures, at the same places") {
  for (const auto& file : ppsaudit::rules::embedded_packs()) {
    INFO(std::string(file.name));
    CHECK(file.audit_text == without_fixtures(file.text));
    CHECK(file.audit_text.size() < file.text.size());
    ppsaudit::Diagnostics diagnostics;
    const auto full = ppsaudit::rules::parse_pack(file.text, file.name, diagnostics);
    const auto lean = ppsaudit::rules::parse_pack(file.audit_text, file.name, diagnostics,
                                                  ppsaudit::rules::PackText::without_fixtures);
    REQUIRE(full != nullptr);
    REQUIRE(lean != nullptr);
    CHECK(std::string(file.name) == "rules/" + full->id + ".yaml");
    CHECK(fmt::format("{} {} {} {} {} {} @{}", lean->id, lean->title, lean->framework, lean->year,
                      lean->effective_from ? lean->effective_from->to_string() : "-",
                      lean->effective_until ? lean->effective_until->to_string() : "-", lean->where.to_string()) ==
          fmt::format("{} {} {} {} {} {} @{}", full->id, full->title, full->framework, full->year,
                      full->effective_from ? full->effective_from->to_string() : "-",
                      full->effective_until ? full->effective_until->to_string() : "-", full->where.to_string()));
    REQUIRE(lean->rules.size() == full->rules.size());
    for (std::size_t i = 0; i < full->rules.size(); ++i) {
      const auto& full_rule = full->rules[i];
      const auto& lean_rule = lean->rules[i];
      CHECK(lean_rule.fixtures.empty());
      CHECK(!full_rule.fixtures.empty());
      CHECK(audited_parts(lean_rule) == audited_parts(full_rule));
      // Each fixture of the full pack gives the same finding under the rule read without them.
      for (const auto& fixture : full_rule.fixtures) {
        INFO(full_rule.id, ": ", fixture.name);
        const auto by_full = ppsaudit::rules::audit_service(*fixture.service, {&full_rule}, fixture.as_of);
        const auto by_lean = ppsaudit::rules::audit_service(*fixture.service, {&lean_rule}, fixture.as_of);
        REQUIRE(by_lean.findings.size() == 1);
        CHECK(by_lean.findings.front().outcome == fixture.expect);
        CHECK(finding_text(by_lean.findings.front()) == finding_text(by_full.findings.front()));
      }
    }
  }
}

TEST_CASE("an audit's catalog reads a built-in pack only when asked, once") {
  ppsaudit::Diagnostics diagnostics;
  auto catalog = ppsaudit::rules::Catalog::builtin_on_demand();
  CHECK(catalog.packs().empty());
  CHECK(catalog.load_builtin("stone-2004", diagnostics));
  CHECK(catalog.load_builtin("stone-2004", diagnostics));
  CHECK_FALSE(catalog.load_builtin("no-such-pack", diagnostics));
  CHECK(catalog.packs().size() == 1);
  CHECK(catalog.find_pack("stone-2004") != nullptr);
  CHECK(catalog.find_pack("stone-2004")->rules.front().fixtures.empty());
  CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("an audit's catalog still refuses a pack whose rule ids a built-in pack not yet read has") {
  ppsaudit::Diagnostics diagnostics;
  auto catalog = ppsaudit::rules::Catalog::builtin_on_demand();
  auto full = ppsaudit::rules::Catalog::builtin(diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto& embedded = ppsaudit::rules::embedded_packs();
  const auto stone = std::find_if(embedded.begin(), embedded.end(),
                                  [](const auto& file) { return file.name == "rules/stone-2004.yaml"; });
  REQUIRE(stone != embedded.end());
  auto copy = ppsaudit::rules::parse_pack(stone->text, "copy.yaml", diagnostics);
  REQUIRE(copy != nullptr);
  CHECK_FALSE(catalog.add(std::move(copy), diagnostics));
  CHECK(diagnostics.has_errors());
  CHECK(catalog.find_pack("stone-2004") != nullptr);  // read so as to compare
  CHECK(catalog.packs().size() == 1);
}
