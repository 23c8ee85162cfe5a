// The comparison as text, for an auditor at a terminal (man/ppsaudit.1, "compare").
#include <string>

#include <fmt/format.h>

#include "report/compare.hpp"
#include "report/labels.hpp"
#include "text/printable.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

void write_service(std::string_view side, const AuditedService& service, std::string& out) {
  out += fmt::format("{}: {}\n", side, printable(service.audit.file->name()));
  out += fmt::format("   service file: {}\n", printable(*service.audit.file->path));
  out += fmt::format("   profile:      {}\n", profile_label(service.profile));
  for (const auto& note : service.era_notes) {
    out += fmt::format("   warning: {}\n     at {}\n", printable(note.message), printable(note.where.to_string()));
  }
  for (const auto& note : service.era_conflicts) {
    out += fmt::format("   note: {}\n     at {}\n", printable(note.message), printable(note.where.to_string()));
  }
  for (const auto& reading : service.readings) {
    out += fmt::format("   two readings: {}\n", printable(reading_sentence(reading)));
    for (const auto& value : reading.values) {
      out += fmt::format("     value {} at {}\n", printable(value.path), printable(value.where.to_string()));
    }
    for (const auto& change : reading.changes) {
      out += fmt::format("     {}\n", printable(change_sentence(change)));
    }
  }
}

std::string counts_row(std::string_view side, const std::optional<FrameworkSummary>& framework) {
  if (!framework) {
    return fmt::format("    {:<4} (no rule of this framework)\n", side);
  }
  const OutcomeCounts& counts = framework->counts;
  return fmt::format("    {:<4} {:>4} {:>8} {:>6} {:>7} {:>8}  {}\n", side, counts.of(Outcome::met),
                     counts.of(Outcome::not_met), counts.of(Outcome::not_applicable),
                     counts.of(Outcome::needs_attestation), counts.of(Outcome::not_assessable),
                     framework->practice_level.empty() ? std::string("-") : framework->practice_level);
}

// One side's finding: its result, then what and where, indented under the rule.
void write_side(std::string_view side, const rules::Finding& finding, std::string& out) {
  out += fmt::format("    {}: {}\n", side, outcome_heading(finding.outcome));
  if (!finding.message.empty()) {
    out += fmt::format("       what:  {}\n", printable(finding.message));
  }
  out += fmt::format("       where: {}\n", printable(finding.where.to_string()));
  if (finding.waiver) {
    out += fmt::format("       waiver: {}\n", printable(rules::waiver_note(finding)));
  }
}

void write_rules(std::string_view heading, const std::vector<ComparedRule>& list, std::string& out) {
  out += fmt::format("\n{} ({})\n", heading, list.size());
  if (list.empty()) {
    out += "  none\n";
  }
  for (const auto& compared : list) {
    const rules::Rule& rule = *compared.rule;
    out += fmt::format("  {} [{}]: {}\n", rule.id, rules::to_string(rule.strength), printable(rule.title));
    if (compared.a != nullptr) {
      write_side("A", *compared.a, out);
    }
    if (compared.b != nullptr) {
      write_side("B", *compared.b, out);
    }
  }
}

}  // namespace

std::string write_compare_text(const Comparison& comparison) {
  std::string out = fmt::format("ppsaudit comparison as of {}\n", comparison.a->audit.as_of.to_string());
  if (comparison.statutory_waivers_allowed) {
    out += fmt::format("note: {}\n", k_statutory_waivers_note);
  }
  write_service("A", *comparison.a, out);
  write_service("B", *comparison.b, out);
  for (const auto& direction : comparison.era_directions) {
    out += fmt::format("across eras: {}\n  A at {}\n  B at {}\n", printable(direction.message),
                       printable(direction.a.to_string()), printable(direction.b.to_string()));
  }

  out += "\nSummary by framework\n";
  out += fmt::format("    {:<4} {:>4} {:>8} {:>6} {:>7} {:>8}  {}\n", "side", "met", "not met", "n/a", "attest",
                     "no evid.", "practice level");
  for (const auto& framework : comparison.frameworks) {
    out += fmt::format("  {}\n", printable(framework.framework));
    out += counts_row("A", framework.a);
    out += counts_row("B", framework.b);
  }

  write_rules("Differences: rules both have, with different results", comparison.differences, out);
  write_rules("Agreements: rules both have, with the same result", comparison.agreements, out);
  write_rules("Only A has it (not among B's rules)", comparison.only_a, out);
  write_rules("Only B has it (not among A's rules)", comparison.only_b, out);
  return out;
}

}  // namespace ppsaudit::report
