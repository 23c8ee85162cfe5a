// The text report, for a service manager at a terminal (man/ppsaudit.1, "The text report").
#include <string>

#include <fmt/color.h>
#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/printable.hpp"
#include "text/width.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

std::string label(Outcome outcome, bool color) {
  std::string text = outcome_heading(outcome);
  if (!color) {
    return text;
  }
  const auto colour = outcome == Outcome::not_met             ? fmt::terminal_color::red
                      : outcome == Outcome::needs_attestation ? fmt::terminal_color::yellow
                      : outcome == Outcome::not_assessable    ? fmt::terminal_color::magenta
                                                              : fmt::terminal_color::green;
  return fmt::format(fmt::fg(colour) | fmt::emphasis::bold, "{}", text);
}

void write_finding(const AuditedService& service, const rules::Finding& finding, std::string& out, bool color) {
  const rules::Rule& rule = *finding.rule;
  out += fmt::format("  {} [{}] {}: {}\n", label(finding.outcome, color), rules::to_string(rule.strength), rule.id,
                     printable(rule.title));
  if (!finding.message.empty()) {
    out += fmt::format("      what:  {}\n", printable(finding.message));
  }
  if (const auto state = baseline_state(service, finding); state && finding.outcome != Outcome::needs_attestation) {
    out += fmt::format("      since: {}\n", baseline_sentence(*state));
  }
  for (const auto& citation : rule.citations) {
    out += fmt::format("      why:   {}{}\n", printable(citation.to_string()), legal_duty_note(rule, citation));
  }
  out += fmt::format("      where: {}\n", printable(finding.where.to_string()));
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    out += fmt::format("      fix:   {}\n", printable(rule.fix));
  }
}

void write_framework(const AuditedService& service, const FrameworkSummary& framework, std::string& out, bool color) {
  out += fmt::format("\n== {} ==\n", printable(framework.framework));
  for (const auto outcome : {Outcome::not_met, Outcome::not_assessable, Outcome::needs_attestation}) {
    for (const auto* finding : with_outcome(framework.findings, outcome)) {
      write_finding(service, *finding, out, color);
    }
  }
  std::vector<std::string> met;
  for (const auto* finding : with_outcome(framework.findings, Outcome::met)) {
    const bool fixed = baseline_state(service, *finding) == BaselineState::fixed;
    met.push_back(fixed ? finding->rule->id + " (fixed)" : finding->rule->id);
  }
  if (!met.empty()) {
    out += fmt::format("  {} ({}): {}\n", label(Outcome::met, color), met.size(), fmt::join(met, ", "));
  }
  for (const auto* finding : with_outcome(framework.findings, Outcome::not_applicable)) {
    const bool fixed = baseline_state(service, *finding) == BaselineState::fixed;
    out += fmt::format("  {}: {}{} ({})\n", label(Outcome::not_applicable, color), finding->rule->id,
                       fixed ? " (fixed)" : "", printable(finding->message));
  }
}

void write_service(const AuditedService& service, int due_within_days, std::string& out, bool color) {
  const rules::ServiceAudit& audit = service.audit;
  const ServiceSummary summary = summarize(service);
  out += fmt::format("ppsaudit report: {}\n", printable(audit.file->name()));
  out += fmt::format("service file:    {}\n", printable(*audit.file->path));
  out += fmt::format("profile:         {}\n", profile_label(service.profile));
  out += fmt::format("audit date:      {}\n", audit.as_of.to_string());
  for (const auto& note : service.era_notes) {
    out += fmt::format("{}: {}\n",
                       color ? fmt::format(fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold, "warning")
                             : std::string("warning"),
                       printable(note.message));
    out += fmt::format("  at {}\n", printable(note.where.to_string()));
  }
  for (const auto& note : service.era_conflicts) {
    out += fmt::format("note: {}\n", printable(note.message));
    out += fmt::format("  at {}\n", printable(note.where.to_string()));
  }
  for (const auto& reading : service.readings) {
    out += fmt::format("two readings: {}\n", printable(reading_sentence(reading)));
    for (const auto& value : reading.values) {
      out += fmt::format("  value {} at {}\n", printable(value.path), printable(value.where.to_string()));
    }
    for (const auto& change : reading.changes) {
      out += fmt::format("  {}\n", printable(change_sentence(change)));
    }
  }
  for (const auto& framework : summary.frameworks) {
    write_framework(service, framework, out, color);
  }

  out += "\nSummary\n";
  out += fmt::format("  {:<44} {:>4} {:>8} {:>6} {:>7} {:>8}\n", "framework", "met", "not met", "n/a", "attest",
                     "no evid.");
  for (const auto& framework : summary.frameworks) {
    const OutcomeCounts& counts = framework.counts;
    // Cut and padded by display columns: fmt would cut inside a UTF-8 sequence and misalign wide text.
    out += fmt::format("  {} {:>4} {:>8} {:>6} {:>7} {:>8}\n", text::fit_to_width(printable(framework.framework), 44),
                       counts.of(Outcome::met), counts.of(Outcome::not_met), counts.of(Outcome::not_applicable),
                       counts.of(Outcome::needs_attestation), counts.of(Outcome::not_assessable));
    if (!framework.practice_level.empty()) {
      out += fmt::format("    practice level reached: {}\n", framework.practice_level);
    }
  }

  out += fmt::format("\nFalls due within {} days of {}\n", due_within_days, audit.as_of.to_string());
  if (service.upcoming.empty()) {
    out += "  nothing\n";
  }
  for (const auto& deadline : service.upcoming) {
    out += fmt::format("  {}  {} ({})\n", deadline.due.to_string(), printable(deadline.what),
                       printable(deadline.where.to_string()));
  }
}

std::string error_word(bool color) {
  return color ? fmt::format(fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold, "ERROR") : std::string("ERROR");
}

// One row per service file: its counts per framework, practice level and worst result; a
// file that could not be audited, its first error.
void write_rollup(const ReportFrame& frame, std::string& out, bool color) {
  out += fmt::format("ppsaudit roll-up: {} service files, {} audited, {} not audited\n",
                     frame.services.size() + frame.broken.size(), frame.services.size(), frame.broken.size());
  for (const auto& service : frame.services) {
    out += fmt::format("\n  {}\n", printable(service.name));
    out += fmt::format("    file:  {}\n", printable(service.file));
    for (const auto& framework : service.frameworks) {
      const OutcomeCounts& counts = framework.counts;
      out += fmt::format(
          "    {}: {} met, {} not met, {} n/a, {} attest, {} no evid.{}\n", printable(framework.framework),
          counts.of(Outcome::met), counts.of(Outcome::not_met), counts.of(Outcome::not_applicable),
          counts.of(Outcome::needs_attestation), counts.of(Outcome::not_assessable),
          framework.practice_level.empty() ? std::string() : "; practice level: " + framework.practice_level);
    }
    out += fmt::format("    worst: {}\n", printable(worst_label(service.worst)));
  }
  for (const auto& broken : frame.broken) {
    out += fmt::format("\n  {}\n", printable(broken.file));
    out +=
        fmt::format("    {}: not audited: {}\n", error_word(color), printable(format_diagnostic(broken.first_error())));
  }
}

// The comparison with the baseline: the counts, then what is new, fixed and absent (what is
// unchanged is only counted).
void write_baseline(const ReportFrame& frame, std::string& out) {
  out += fmt::format("baseline: {}: {}\n", printable(frame.baseline->file), baseline_counts(*frame.baseline));
  for (const auto& entry : frame.baseline_entries) {
    out += fmt::format("  {:<10} {}\n", fmt::format("{}:", token(entry.state)), printable(entry.text));
  }
}

// A file that could not be audited: every diagnostic, as stderr had them.
void write_broken(const BrokenFile& broken, std::string& out, bool color) {
  out += fmt::format("ppsaudit report: {}: not audited\n", printable(broken.file));
  out += fmt::format("{}: the file could not be audited; nothing in it was checked\n", error_word(color));
  for (const auto& diagnostic : broken.diagnostics) {
    out += fmt::format("  {}\n", format_diagnostic(diagnostic));
  }
}

}  // namespace

FrameParts text_frame(const ReportFrame& frame) {
  FrameParts parts;
  if (frame.several()) {
    write_rollup(frame, parts.before, frame.color);
    parts.before += "\n";
  }
  if (frame.baseline) {
    write_baseline(frame, parts.before);
    parts.before += "\n";
  }
  for (std::size_t i = 0; i < frame.broken.size(); ++i) {
    if (i > 0 || !frame.services.empty()) {
      parts.after += '\n';
    }
    write_broken(frame.broken[i], parts.after, frame.color);
  }
  return parts;
}

std::string text_section(const AuditedService& service, const SectionContext& context) {
  std::string out;
  write_service(service, context.due_within_days, out, context.color);
  return out;
}

}  // namespace ppsaudit::report
