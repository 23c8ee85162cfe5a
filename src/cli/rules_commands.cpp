// `ppsaudit rules list | explain | lint | test`: what rule authors and auditors use to see,
// check and prove the packs.
#include <algorithm>
#include <map>
#include <ostream>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/terminal.hpp"
#include "report/labels.hpp"
#include "rules/embedded.hpp"
#include "rules/engine.hpp"
#include "rules/pack_loader.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit {

namespace {

// The packs at `paths`, or the built-in ones when none is given, each loaded on its own (so a
// pack file under rules/ can be linted before it is built in).
std::optional<rules::Catalog> load_packs(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  rules::Catalog catalog;
  if (paths.empty()) {
    for (const auto& file : rules::embedded_packs()) {
      if (auto pack = rules::parse_pack(file.text, file.name, diagnostics)) {
        catalog.add(std::move(pack), diagnostics);
      }
    }
  } else {
    for (const auto& file : pack_files(paths, diagnostics)) {
      if (auto pack = rules::load_pack_file(file, diagnostics)) {
        catalog.add(std::move(pack), diagnostics);
      }
    }
  }
  if (diagnostics.has_errors()) {
    return std::nullopt;
  }
  return catalog;
}

bool has_fixture(const rules::Rule& rule, rules::Outcome outcome) {
  return std::any_of(rule.fixtures.begin(), rule.fixtures.end(),
                     [&](const rules::Fixture& fixture) { return fixture.expect == outcome; });
}

// Whether a source is an Act or Regulations: "Education Act 1996", "... Regulations 2014".
bool names_statute(const std::string& source) {
  static const std::regex k_statute_name(R"(\b(Act|Regulations) (19|20)[0-9]{2}\b)");
  return std::regex_search(source, k_statute_name);
}

// What the format cannot express but a pack must still get right.
void lint_rule(const rules::Rule& rule, Diagnostics& diagnostics) {
  const auto second = rule.attestation ? rules::Outcome::needs_attestation : rules::Outcome::not_met;
  for (const auto outcome : {rules::Outcome::met, second}) {
    if (!has_fixture(rule, outcome)) {
      diagnostics.error(rule.where, "rule '{}' has no fixture whose result is '{}': show that it can be {}", rule.id,
                        rules::to_string(outcome), rules::to_string(outcome));
    }
  }
  for (const auto& citation : rule.citations) {
    if (citation.verification == "I" && citation.confidence != rules::Confidence::low) {
      diagnostics.error(rule.where,
                        "rule '{}' cites '{}' with confidence '{}', but an inferred (I) locator must be 'low'", rule.id,
                        citation.source, rules::to_string(citation.confidence));
    }
  }
  for (const auto& citation : rule.citations) {
    const bool statute = names_statute(citation.source);
    if (statute != (citation.kind == rules::SourceKind::statute)) {
      diagnostics.error(
          rule.where, "rule '{}' cites '{}' as '{}', but {}", rule.id, citation.source, rules::to_string(citation.kind),
          statute ? "an Act or Regulations is 'kind: statute'" : "only an Act or Regulations is 'kind: statute'");
    }
  }
  if (rule.criteria.empty()) {
    diagnostics.error(rule.where, "rule '{}' names no 'criteria': say which criterion of domain.md it encodes",
                      rule.id);
  }
}

// Whether two locations are the same line and column of the same file.
bool same_place(const Location& a, const Location& b) {
  return a.line == b.line && a.column == b.column && a.file_name() == b.file_name();
}

// A multi-line expression, its continuation lines aligned under the first.
std::string indented(std::string_view expression) {
  std::string out;
  for (char c : printable_lines(expression)) {
    out += c;
    if (c == '\n') {
      out += "            ";
    }
  }
  return out;
}

}  // namespace

ExitCode run_rules_lint(const RulesPathsOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  auto catalog = load_packs(options.paths, diagnostics);
  if (catalog) {
    for (const auto& pack : catalog->packs()) {
      for (const auto& rule : pack->rules) {
        lint_rule(rule, diagnostics);
      }
    }
  }
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }
  for (const auto& pack : catalog->packs()) {
    out << fmt::format("{}: ok: pack '{}', {} rules\n", printable(pack->where.file_name()), printable(pack->id),
                       pack->rules.size());
  }
  return ExitCode::ok;
}

ExitCode run_rules_test(const RulesPathsOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  auto catalog = load_packs(options.paths, diagnostics);
  diagnostics.print(err);
  if (!catalog) {
    return ExitCode::bad_input;
  }
  int passed = 0;
  int failed = 0;
  for (const auto& pack : catalog->packs()) {
    for (const auto& rule : pack->rules) {
      for (const auto& fixture : rule.fixtures) {
        const auto audit = rules::audit_service(*fixture.service, {&rule}, fixture.as_of);
        const rules::Finding& finding = audit.findings.front();
        const bool right_place = !fixture.at_location || same_place(finding.where, *fixture.at_location);
        if (finding.outcome == fixture.expect && right_place) {
          ++passed;
          continue;
        }
        ++failed;
        if (finding.outcome != fixture.expect) {
          out << fmt::format("{}: FAIL: {}: fixture '{}' as of {}: expected {}, got {}{}\n",
                             printable(fixture.where.to_string()), printable(rule.id), printable(fixture.name),
                             fixture.as_of.to_string(), rules::to_string(fixture.expect),
                             rules::to_string(finding.outcome),
                             finding.message.empty() ? "" : " (" + printable(finding.message) + ")");
        } else {
          out << fmt::format("{}: FAIL: {}: fixture '{}' as of {}: expected the finding at '{}' ({}), got {}\n",
                             printable(fixture.where.to_string()), printable(rule.id), printable(fixture.name),
                             fixture.as_of.to_string(), printable(fixture.at),
                             printable(fixture.at_location->to_string()), printable(finding.where.to_string()));
        }
      }
    }
  }
  out << fmt::format("fixtures: {} passed, {} failed\n", passed, failed);
  return failed == 0 ? ExitCode::ok : ExitCode::findings;
}

ExitCode run_rules_list(const RulesListOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  auto loaded = load_rules(options.rules, diagnostics);
  const rules::Profile* profile =
      options.profile.empty() ? nullptr : find_profile_or_report(options.profile, diagnostics);
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }
  std::vector<const rules::Rule*> selected;
  if (profile != nullptr) {
    selected = loaded->catalog.rules_for(profile, loaded->extra_packs);
  } else {
    for (const auto& pack : loaded->catalog.packs()) {
      for (const auto& rule : pack->rules) {
        selected.push_back(&rule);
      }
    }
  }
  if (options.json) {
    // The packs the rules come from, in the rules' order, then the rules themselves.
    auto packs = nlohmann::ordered_json::array();
    auto listed = nlohmann::ordered_json::array();
    std::vector<const rules::Pack*> seen;
    for (const rules::Rule* rule : selected) {
      if (rule->pack != nullptr && std::find(seen.begin(), seen.end(), rule->pack) == seen.end()) {
        seen.push_back(rule->pack);
        const rules::Pack& pack = *rule->pack;
        packs.push_back(
            {{"id", pack.id},
             {"title", pack.title},
             {"edition", pack.edition.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(pack.edition)},
             {"year", pack.year > 0 ? nlohmann::ordered_json(pack.year) : nlohmann::ordered_json(nullptr)},
             {"framework", pack.framework}});
      }
      listed.push_back(
          {{"id", rule->id},
           {"pack", rule->pack != nullptr ? rule->pack->id : std::string()},
           {"title", rule->title},
           {"area", rule->area},
           {"strength", report::token(rule->strength)},
           {"level", rule->level.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(rule->level)},
           {"legal_duty", rules::states_legal_duty(*rule)},
           {"criteria", rule->criteria}});
    }
    nlohmann::ordered_json document{{"format", "ppsaudit-rules"}, {"version", 1}, {"packs", packs}, {"rules", listed}};
    // Text from packs may be any UTF-8; a byte that is not is replaced, never a reason to fail.
    out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return ExitCode::ok;
  }
  for (const rules::Rule* rule : selected) {
    out << fmt::format("{:<48} {:<17} {:<15} {}\n", printable(rule->id), rules::to_string(rule->strength),
                       printable(rule->area), printable(rule->title));
  }
  return ExitCode::ok;
}

ExitCode run_rules_explain(const RulesExplainOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  auto loaded = load_rules(options.rules, diagnostics);
  const rules::Rule* rule = loaded ? loaded->catalog.find_rule(options.id) : nullptr;
  if (loaded && rule == nullptr) {
    diagnostics.error({}, "no rule '{}'{}", options.id,
                      did_you_mean_suffix(closest_match(options.id, loaded->catalog.rule_ids())));
  }
  diagnostics.print(err);
  if (rule == nullptr) {
    return ExitCode::bad_input;
  }
  const rules::Pack& pack = *rule->pack;
  out << fmt::format("{}\n  {}\n\n", printable(rule->id), printable(rule->title));
  out << fmt::format("pack:       {} ({}, {} {})\n", printable(pack.id), printable(pack.title),
                     printable(pack.publisher), pack.year);
  if (pack.effective_from || pack.effective_until) {
    const std::string from = pack.effective_from ? "from " + pack.effective_from->to_string() : "";
    const std::string until = pack.effective_until ? "to " + pack.effective_until->to_string() : "";
    out << fmt::format("era:        {}{}{} (its pack's; not applicable on other audit dates)\n", from,
                       from.empty() || until.empty() ? "" : " ", until);
  }
  out << fmt::format("defined at: {}\n", printable(rule->where.to_string()));
  out << fmt::format("area:       {}\n", printable(rule->area));
  out << fmt::format("strength:   {}{}\n", rules::to_string(rule->strength),
                     rules::states_legal_duty(*rule)        ? " (a legal duty)"
                     : rules::is_legal_duty(rule->strength) ? " (as the source words it; no Act or Regulations cited)"
                                                            : " (guidance, a standard or a commitment, not law)");
  if (!rule->level.empty()) {
    out << fmt::format("level:      {}\n", printable(rule->level));
  }
  for (const auto& citation : rule->citations) {
    out << fmt::format("cites:      {} [{}, confidence {}, {}]{}\n", printable(citation.to_string()),
                       printable(citation.verification), rules::to_string(citation.confidence),
                       rules::to_string(citation.kind),
                       citation.note.empty() ? "" : "\n            " + printable(citation.note));
  }
  if (!rule->criteria.empty()) {
    out << fmt::format("criteria:   {}\n", printable(fmt::format("{}", fmt::join(rule->criteria, ", "))));
  }
  out << fmt::format("rationale:  {}\n", printable(rule->rationale));
  if (rule->when) {
    out << fmt::format("applies:    when {}\n", indented(rule->when->text));
    if (!rule->when_not.empty()) {
      out << fmt::format("            otherwise not applicable: {}\n", printable(rule->when_not));
    }
  }
  if (rule->check) {
    out << fmt::format("check:      {}\n", indented(rule->check->text));
  }
  if (rule->at) {
    out << fmt::format("at fault:   {}\n", indented(rule->at->text));
  }
  if (rule->attestation) {
    out << fmt::format(
        "attest:     {}{}\n", printable(rule->attestation->statement),
        rule->attestation->valid_for ? " (valid " + rule->attestation->valid_for->to_string() + ")" : "");
  }
  if (!rule->fix.empty()) {
    out << fmt::format("fix:        {}\n", printable(rule->fix));
  }
  if (!rule->evidence.empty()) {
    out << fmt::format("evidence:   {}\n", printable(fmt::format("{}", fmt::join(rule->evidence, ", "))));
  }
  for (const auto& fixture : rule->fixtures) {
    out << fmt::format("fixture:    {} (as of {}) -> {}{}\n", printable(fixture.name), fixture.as_of.to_string(),
                       rules::to_string(fixture.expect), fixture.at.empty() ? "" : " at " + printable(fixture.at));
  }
  return ExitCode::ok;
}

}  // namespace ppsaudit
