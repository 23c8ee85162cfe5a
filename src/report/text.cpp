// The text report, for a service manager at a terminal (man/ppsaudit.1, "The text report").
#include <string>
#include <string_view>
#include <vector>

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

// One line, or as many as `text` needs at `width` columns: `first` (plain, `shown` when it
// holds colour codes) starts it, and the lines after it are indented by `hang` spaces.
std::string line(std::string_view first, std::string_view text, std::size_t width, std::size_t hang,
                 std::string_view shown = {}) {
  return text::wrap_to_width(shown.empty() ? first : shown, text::display_width(first), text, std::string(hang, ' '),
                             width);
}

// Where a field's value starts: "      label:  ".
constexpr std::size_t k_field_indent = 13;

// "  label:  value", the value's further lines under its first.
std::string field(std::string_view label, std::string_view value, std::size_t width) {
  std::string first = fmt::format("      {:<7}", std::string(label) + ":");
  if (first.back() != ' ') {
    first += ' ';  // "waiver:", the one label as long as the column
  }
  return line(first, value, width, first.size());
}

void write_finding(const AuditedService& service, const rules::Finding& finding, std::string& out, bool color,
                   std::size_t width) {
  const rules::Rule& rule = *finding.rule;
  const std::string heading = outcome_heading(finding.outcome);
  out += line("  " + heading + " ",
              fmt::format("[{}] {}: {}", rules::to_string(rule.strength), rule.id, printable(rule.title)), width, 4,
              "  " + label(finding.outcome, color) + " ");
  if (!finding.message.empty()) {
    out += field("what", printable(finding.message), width);
  }
  if (const auto state = baseline_state(service, finding); state && finding.outcome != Outcome::needs_attestation) {
    out += field("since", baseline_sentence(*state), width);
  }
  if (finding.waiver) {
    out += field("waiver", printable(rules::waiver_note(finding)), width);
  }
  for (const auto& citation : rule.citations) {
    out += field("why", printable(citation.to_string()) + std::string(legal_duty_note(rule, citation)), width);
  }
  out += field("where", printable(finding.where.to_string()), width);
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    out += field("fix", printable(rule.fix), width);
  }
  // The YAML to add, each line as it is (wrapping would break it), under the field's value.
  const std::string indent(k_field_indent + 2, ' ');
  const std::size_t room = width > indent.size() ? width - indent.size() : 0;
  if (const std::string snippet = attestation_snippet(service, finding, room); !snippet.empty()) {
    out += field("fix", fmt::format("{}:", k_attestation_snippet_intro), width);
    std::string_view rest = snippet;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      out += indent + printable(rest.substr(0, end)) + '\n';
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
  }
}

void write_framework(const AuditedService& service, const FrameworkSummary& framework, std::string& out, bool color,
                     std::size_t width) {
  out += line("== ", printable(framework.framework) + " ==", width, 3);
  for (const auto outcome : {Outcome::not_met, Outcome::not_assessable, Outcome::needs_attestation}) {
    for (const auto* finding : with_outcome(framework.findings, outcome)) {
      write_finding(service, *finding, out, color, width);
    }
  }
  std::vector<std::string> met;
  for (const auto* finding : with_outcome(framework.findings, Outcome::met)) {
    const bool fixed = baseline_state(service, *finding) == BaselineState::fixed;
    met.push_back(fixed ? finding->rule->id + " (fixed)" : finding->rule->id);
  }
  if (!met.empty()) {
    const std::string first = fmt::format("  {} ({}): ", outcome_heading(Outcome::met), met.size());
    out += line(first, fmt::format("{}", fmt::join(met, ", ")), width, 4,
                fmt::format("  {} ({}): ", label(Outcome::met, color), met.size()));
  }
  for (const auto* finding : with_outcome(framework.findings, Outcome::not_applicable)) {
    const bool fixed = baseline_state(service, *finding) == BaselineState::fixed;
    const std::string heading = outcome_heading(Outcome::not_applicable);
    out += line("  " + heading + ": ",
                fmt::format("{}{} ({})", finding->rule->id, fixed ? " (fixed)" : "", printable(finding->message)),
                width, 4, "  " + label(Outcome::not_applicable, color) + ": ");
  }
}

// "3 met, 2 not met (1 waived), 5 needs attestation, 10 not assessable, 0 not applicable":
// every result by the one name the report gives it, saying how many are waived.
std::string counts_sentence(const OutcomeCounts& counts, const OutcomeCounts& waived) {
  std::vector<std::string> parts;
  for (const auto outcome :
       {Outcome::met, Outcome::not_met, Outcome::needs_attestation, Outcome::not_assessable, Outcome::not_applicable}) {
    parts.push_back(
        fmt::format("{} {}{}", counts.of(outcome), rules::to_string(outcome), waived_suffix(waived, outcome)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The summary: each framework's name, then its counts and practice level on their own lines,
// so that no result's name is broken across lines.
void write_summary(const ServiceSummary& summary, std::string& out, std::size_t width) {
  out += "\nSummary\n";
  for (const auto& framework : summary.frameworks) {
    out += line("  ", printable(framework.framework), width, 4);
    out += line("    ", counts_sentence(framework.counts, framework.waived), width, 6);
    if (!framework.practice_level.empty()) {
      out += line("    practice level reached: ", framework.practice_level, width, 6);
    }
  }
}

// What to do first, numbered, each with its fix: legal duties first (see top_actions).
void write_top_actions(const ServiceSummary& summary, std::string& out, bool color, std::size_t width) {
  constexpr std::size_t k_shown = 10;
  const auto actions = top_actions(summary);
  if (actions.empty()) {
    out += "\nTop actions\n  nothing: no rule is not met, and no legal duty lacks its evidence\n";
    return;
  }
  out += actions.size() > k_shown
             ? fmt::format("\nTop actions (the first {} of {}; every one is under its framework below)\n", k_shown,
                           actions.size())
             : std::string("\nTop actions\n");
  for (std::size_t i = 0; i < actions.size() && i < k_shown; ++i) {
    const rules::Finding& finding = *actions[i];
    const rules::Rule& rule = *finding.rule;
    const std::string number = fmt::format("  {:>2}. ", i + 1);
    const std::string heading = outcome_heading(finding.outcome);
    out +=
        line(number + heading + " ", fmt::format("[{}] {}: {}", strength_label(rule), rule.id, printable(rule.title)),
             width, number.size(), number + label(finding.outcome, color) + " ");
    if (!rule.fix.empty()) {
      out += line(std::string(number.size(), ' ') + "fix: ", printable(rule.fix), width, number.size() + 5);
    }
  }
}

// The abbreviations and marks a reader may not know, in one paragraph. The strengths in
// brackets are explained in ppsaudit(1), STRENGTH AND SEVERITY.
constexpr std::string_view k_legend =
    "legend: [must], [should]...: the force of the source's words (see man ppsaudit, STRENGTH AND SEVERITY); "
    "(a legal duty): an Act or Regulations is cited; (approx.), \"number not retrieved\": a paragraph number not "
    "checked against its source; CCG/ICB: the NHS commissioners (clinical commissioning groups, replaced by "
    "integrated care boards in July 2022); EHC: education, health and care";

void write_service(const AuditedService& service, int due_within_days, std::string& out, bool color,
                   std::size_t width) {
  const rules::ServiceAudit& audit = service.audit;
  const ServiceSummary summary = summarize(service);
  out += line("ppsaudit report: ", printable(audit.file->name()), width, 4);
  out += line("service file:    ", printable(*audit.file->path), width, 17);
  out += line("profile:         ", profile_label(service.profile), width, 17);
  out += fmt::format("audit date:      {}\n", audit.as_of.to_string());
  for (const auto& note : service.era_notes) {
    out += line("warning: ", printable(note.message), width, 2,
                color ? fmt::format(fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold, "warning") + ": "
                      : std::string_view());
    out += line("  at ", printable(note.where.to_string()), width, 5);
  }
  for (const auto& waiver : service.stale_waivers) {
    out += line("warning: ", printable(rules::stale_waiver_message(waiver)), width, 2,
                color ? fmt::format(fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold, "warning") + ": "
                      : std::string_view());
    out += line("  at ", printable(waiver.where.to_string()), width, 5);
  }
  for (const auto& note : service.era_conflicts) {
    out += line("note: ", printable(note.message), width, 2);
    out += line("  at ", printable(note.where.to_string()), width, 5);
  }
  for (const auto& reading : service.readings) {
    out += line("two readings: ", printable(reading_sentence(reading)), width, 2);
    for (const auto& value : reading.values) {
      out += line("  ", fmt::format("value {} at {}", printable(value.path), printable(value.where.to_string())), width,
                  4);
    }
    for (const auto& change : reading.changes) {
      out += line("  ", printable(change_sentence(change)), width, 4);
    }
  }
  write_summary(summary, out, width);
  write_top_actions(summary, out, color, width);
  for (const auto& framework : summary.frameworks) {
    out += '\n';
    write_framework(service, framework, out, color, width);
  }

  out += fmt::format("\nFalls due within {} days of {}\n", due_within_days, audit.as_of.to_string());
  if (service.upcoming.empty()) {
    out += "  nothing\n";
  }
  for (const auto& deadline : service.upcoming) {
    out += line(fmt::format("  {}  ", deadline.due.to_string()),
                fmt::format("{} ({})", printable(deadline.what), printable(deadline.where.to_string())), width, 14);
  }
  out += '\n';
  out += line("", k_legend, width, 2);
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
    out += fmt::format("\n");
    out += line("  ", printable(service.name), frame.width, 4);
    out += line("    file:  ", printable(service.file), frame.width, 11);
    for (const auto& framework : service.frameworks) {
      out += line("    ", printable(framework.framework), frame.width, 6);
      out += line("      ", counts_sentence(framework.counts, framework.waived), frame.width, 8);
      if (!framework.practice_level.empty()) {
        out += line("      practice level reached: ", framework.practice_level, frame.width, 8);
      }
    }
    out += line("    worst: ", printable(worst_label(service.worst)), frame.width, 11);
  }
  for (const auto& broken : frame.broken) {
    out += "\n";
    out += line("  ", printable(broken.file), frame.width, 4);
    out += line("    ERROR: not audited: ", printable(format_diagnostic(broken.first_error())), frame.width, 6,
                "    " + error_word(color) + ": not audited: ");
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
  if (frame.statutory_waivers_allowed) {
    parts.before += line("note: ", k_statutory_waivers_note, frame.width, 2);
    parts.before += "\n";
  }
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
  write_service(service, context.due_within_days, out, context.color, context.width);
  return out;
}

}  // namespace ppsaudit::report
