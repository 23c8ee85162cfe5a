// GitHub Actions workflow commands: one line for each finding that is not met, not assessable
// or needs attestation, in report order, then nothing else; man/ppsaudit.1 has the details.
#include "report/github.hpp"

#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/printable.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;
using rules::Strength;

std::string escaped(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// What an annotation says: the outcome and what is wrong (or the rule's title), then how to
// put it right on a line of its own. Input text keeps its line breaks, which GitHub shows, and
// every other control character is made visible.
std::string message(const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  std::string out = fmt::format("{}: {}", rules::to_string(finding.outcome),
                                printable_lines(finding.message.empty() ? rule.title : finding.message));
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    out += fmt::format("\nFix: {}", printable_lines(rule.fix));
  }
  return out;
}

// The file, line and column of a location; line 0 (the whole file) leaves line and column out.
std::vector<std::pair<std::string_view, std::string>> located(const Location& where, const std::string& service_file) {
  std::vector<std::pair<std::string_view, std::string>> properties{
      {"file", where.file ? where.file_name() : service_file}};
  if (where.line > 0) {
    properties.emplace_back("line", std::to_string(where.line));
    if (where.column > 0) {
      properties.emplace_back("col", std::to_string(where.column));
    }
  }
  return properties;
}

}  // namespace

std::string github_escape_message(std::string_view text) {
  return escaped(text, false);
}

std::string github_escape_property(std::string_view text) {
  return escaped(text, true);
}

std::string github_command(std::string_view level,
                           const std::vector<std::pair<std::string_view, std::string>>& properties,
                           std::string_view message) {
  std::string out = fmt::format("::{}", level);
  char separator = ' ';
  for (const auto& [name, value] : properties) {
    if (!value.empty()) {
      // A file name reaches the log raw otherwise: its control and invisible characters made visible.
      out += fmt::format("{}{}={}", separator, name, github_escape_property(printable(value)));
      separator = ',';
    }
  }
  out += fmt::format("::{}\n", github_escape_message(message));
  return out;
}

std::string_view github_level(Outcome outcome, Strength strength) {
  switch (outcome) {
    case Outcome::met:
    case Outcome::not_applicable:
      return "";
    case Outcome::needs_attestation:
      return "notice";
    case Outcome::not_met:
    case Outcome::not_assessable:
      break;
  }
  // The same grading as SARIF; GitHub spells its lowest level "notice".
  const std::string_view severity = failure_severity(strength);
  return severity == "note" ? "notice" : severity;
}

FrameParts github_frame(const ReportFrame& frame) {
  FrameParts parts;
  if (frame.statutory_waivers_allowed) {
    parts.before += github_command("warning", {{"title", "statutory waivers"}}, std::string(k_statutory_waivers_note));
  }
  if (frame.baseline) {
    parts.before += github_command(
        "notice", {{"title", "baseline"}},
        printable_lines(fmt::format("compared with {}: {}", frame.baseline->file, baseline_counts(*frame.baseline))));
  }
  return parts;
}

std::string github_section(const AuditedService& service, const SectionContext& /*context*/) {
  std::string out;
  const std::string& service_file = *service.audit.file->path;
  // Era warnings first, as every format shows them near its top; notes for the reader as notices.
  for (const auto& note : service.era_notes) {
    auto properties = located(note.where, service_file);
    properties.emplace_back("title", "era");
    out += github_command("warning", properties, printable_lines(note.message));
  }
  for (const auto& waiver : service.stale_waivers) {
    auto properties = located(waiver.where, service_file);
    properties.emplace_back("title", "stale waiver");
    out += github_command("warning", properties, printable_lines(rules::stale_waiver_message(waiver)));
  }
  for (const auto& note : service.era_conflicts) {
    auto properties = located(note.where, service_file);
    properties.emplace_back("title", "era");
    out += github_command("notice", properties, printable_lines(note.message));
  }
  // Values read from words that mean two things, at the first value, with what the other
  // reading would change.
  for (const auto& reading : service.readings) {
    auto properties = located(reading.values.front().where, service_file);
    properties.emplace_back("title", "two readings");
    std::string text = printable_lines(reading_sentence(reading));
    for (const auto& change : reading.changes) {
      text += "\n" + printable_lines(change_sentence(change));
    }
    out += github_command("notice", properties, text);
  }
  const ServiceSummary summary = summarize(service);
  for (const auto* finding : summary.findings) {
    // A result under a waiver in force is a notice: it fails no threshold, but stays in sight.
    const std::string_view level =
        rules::is_waived(*finding) ? "notice" : github_level(finding->outcome, finding->rule->strength);
    if (level.empty()) {
      continue;
    }
    auto properties = located(finding->where, service_file);
    // With a baseline, the title says whether the failure is new.
    const auto state = baseline_state(service, *finding);
    properties.emplace_back("title",
                            state ? fmt::format("{} ({})", finding->rule->id, token(*state)) : finding->rule->id);
    std::string text = message(*finding);
    if (finding->waiver) {
      text += "\n" + printable_lines(rules::waiver_note(*finding));
    }
    out += github_command(level, properties, text);
  }
  return out;
}

}  // namespace ppsaudit::report
