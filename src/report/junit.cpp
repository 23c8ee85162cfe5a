// The JUnit XML report: one <testsuite> for each framework of each service, one <testcase> for
// each rule in report order (name: the rule's id, classname: its pack's id). Not met and needs
// attestation are failures, not assessable is an error, not applicable is skipped;
// man/ppsaudit.1 has the rest.
#include <string>

#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/markup.hpp"
#include "text/printable.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

// One line of input text for an attribute or a line of a block: control characters visible.
std::string attribute(std::string_view text) {
  return text::xml_escape(printable(text), text::XmlPlace::attribute);
}

// A suite's counts as JUnit tallies them: not met and needs attestation are failures, not
// assessable is an error, not applicable is skipped, and so is a result under a waiver in force
// (`waived`, by outcome), which must no more fail a CI job than it fails --fail-on.
std::string counts_attributes(const OutcomeCounts& counts, const OutcomeCounts& waived = {}) {
  return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}")", counts.total(),
                     counts.of(Outcome::not_met) - waived.of(Outcome::not_met) + counts.of(Outcome::needs_attestation),
                     counts.of(Outcome::not_assessable) - waived.of(Outcome::not_assessable),
                     counts.of(Outcome::not_applicable) + waived.total());
}

// The results of `findings` under a waiver in force, by outcome.
OutcomeCounts waived_counts(const std::vector<const rules::Finding*>& findings) {
  OutcomeCounts waived;
  for (const auto* finding : findings) {
    if (rules::is_waived(*finding)) {
      waived.add(finding->outcome);
    }
  }
  return waived;
}

// The body of a failure or an error: the rule's title, citations, evidence and fix, one per line.
std::string details(const AuditedService& service, const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  std::string text = fmt::format("title: {}\n", printable(rule.title));
  if (const auto state = baseline_state(service, finding); state && finding.outcome != Outcome::needs_attestation) {
    text += fmt::format("since: {}\n", baseline_sentence(*state));
  }
  for (const auto& citation : rule.citations) {
    text += fmt::format("why:   {}{}\n", printable(citation.to_string()), legal_duty_note(rule, citation));
  }
  text += fmt::format("where: {}\n", printable(finding.where.to_string()));
  if (finding.waiver) {
    text += fmt::format("waiver: {}\n", printable(rules::waiver_note(finding)));
  }
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    text += fmt::format("fix:   {}\n", printable(rule.fix));
  }
  return text::xml_escape(text, text::XmlPlace::content);
}

void write_testcase(const AuditedService& service, const rules::Finding& finding, std::string& out) {
  const rules::Rule& rule = *finding.rule;
  out += fmt::format(R"(    <testcase name="{}" classname="{}")", attribute(rule.id), attribute(rule.pack->id));
  const std::string message = attribute(finding.message);
  // A waived result is skipped, its message saying so, its outcome and details kept in the body.
  if (rules::is_waived(finding)) {
    out += fmt::format(">\n      <skipped message=\"{}: {}\"/>\n      <system-out>{}: {}\n{}</system-out>\n",
                       attribute(rules::waiver_note(finding)), message, token(finding.outcome), message,
                       details(service, finding));
    out += "    </testcase>\n";
    return;
  }
  switch (finding.outcome) {
    case Outcome::met:
      out += "/>\n";
      return;
    case Outcome::not_applicable:
      out += fmt::format(">\n      <skipped message=\"{}\"/>\n", message);
      break;
    case Outcome::not_met:
      out += fmt::format(">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n", message, token(rule.strength),
                         details(service, finding));
      break;
    case Outcome::needs_attestation:
      out += fmt::format(">\n      <failure message=\"{}\" type=\"needs_attestation\">{}</failure>\n", message,
                         details(service, finding));
      break;
    case Outcome::not_assessable:
      out += fmt::format(">\n      <error message=\"{}\" type=\"not_assessable\">{}</error>\n", message,
                         details(service, finding));
      break;
  }
  out += "    </testcase>\n";
}

// The comparison with the baseline, as properties: the counts, then every entry.
std::string baseline_properties(const BaselineComparison& comparison, const std::vector<BaselineEntry>& entries) {
  std::string out = fmt::format("      <property name=\"baseline\" value=\"{}\"/>\n",
                                attribute(fmt::format("{}: {}", comparison.file, baseline_counts(comparison))));
  for (const auto& entry : entries) {
    out +=
        fmt::format("      <property name=\"baseline_{}\" value=\"{}\"/>\n", token(entry.state), attribute(entry.text));
  }
  return out;
}

// The roll-up as a suite of no test cases: one property per service file, its counts per
// framework, practice level and worst result, or its first error; then, with a baseline, the
// comparison with it.
std::string rollup_suite(const ReportFrame& frame) {
  std::string out = fmt::format(
      "  <testsuite name=\"ppsaudit roll-up: {} service files\" tests=\"0\" failures=\"0\" errors=\"0\" "
      "skipped=\"0\">\n    <properties>\n",
      frame.services.size() + frame.broken.size());
  for (const auto& service : frame.services) {
    std::string row = fmt::format("{} ({})", service.name, service.file);
    for (const auto& framework : service.frameworks) {
      const OutcomeCounts& counts = framework.counts;
      row += fmt::format(
          "; {}: {} met, {} not met, {} not applicable, {} needs attestation, {} not assessable{}", framework.framework,
          counts.of(Outcome::met), counts.of(Outcome::not_met), counts.of(Outcome::not_applicable),
          counts.of(Outcome::needs_attestation), counts.of(Outcome::not_assessable),
          framework.practice_level.empty() ? std::string() : ", practice level " + framework.practice_level);
    }
    row += fmt::format("; worst: {}", worst_label(service.worst));
    out += fmt::format("      <property name=\"service\" value=\"{}\"/>\n", attribute(row));
  }
  for (const auto& broken : frame.broken) {
    out += fmt::format("      <property name=\"not_audited\" value=\"{}\"/>\n",
                       attribute(fmt::format("{}: {}", broken.file, format_diagnostic(broken.first_error()))));
  }
  if (frame.baseline) {
    out += baseline_properties(*frame.baseline, frame.baseline_entries);
  }
  return out + "    </properties>\n  </testsuite>\n";
}

// A file that could not be audited: a suite of its own with one test case in error, whose
// body is every diagnostic.
std::string broken_suite(const BrokenFile& broken) {
  std::string body;
  for (const auto& diagnostic : broken.diagnostics) {
    body += format_diagnostic(diagnostic) + "\n";
  }
  return fmt::format(
      "  <testsuite name=\"{0} \xe2\x80\x94 not audited\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
      "    <properties>\n      <property name=\"service_file\" value=\"{0}\"/>\n    </properties>\n"
      "    <testcase name=\"{0}\" classname=\"ppsaudit.input\">\n"
      "      <error message=\"{1}\" type=\"input_error\">{2}</error>\n    </testcase>\n  </testsuite>\n",
      attribute(broken.file), attribute(format_diagnostic(broken.first_error())),
      text::xml_escape(body, text::XmlPlace::content));
}

}  // namespace

FrameParts junit_frame(const ReportFrame& frame) {
  // <testsuites> carries the totals of every suite.
  OutcomeCounts total = frame.total;
  std::string after;
  for (const auto& broken : frame.broken) {
    after += broken_suite(broken);
    total.add(Outcome::not_assessable);  // counted as an error, as the suite counts it
  }
  return {fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ppsaudit\" {}>\n{}",
                      counts_attributes(total, frame.waived), frame.several() ? rollup_suite(frame) : std::string()),
          after + "</testsuites>\n"};
}

std::string junit_section(const AuditedService& service, const SectionContext& context) {
  std::string suites;
  const rules::ServiceAudit& audit = service.audit;
  const ServiceSummary summary = summarize(service);
  bool first_suite = true;
  for (const auto& framework : summary.frameworks) {
    suites += fmt::format("  <testsuite name=\"{} \xe2\x80\x94 {}\" {}>\n", attribute(audit.file->name()),
                          attribute(framework.framework),
                          counts_attributes(framework.counts, waived_counts(framework.findings)));
    suites += "    <properties>\n";
    const auto property = [&](std::string_view name, std::string_view value) {
      suites += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, attribute(value));
    };
    property("service_file", *audit.file->path);
    property("service", audit.file->name());
    property("framework", framework.framework);
    property("profile", service.profile != nullptr ? service.profile->id : std::string_view("none"));
    property("as_of", audit.as_of.to_string());
    if (context.statutory_waivers_allowed) {
      property("statutory_waivers_allowed", k_statutory_waivers_note);
    }
    // In a report of one service, the comparison with the baseline goes with its first suite
    // (a register's goes with the roll-up).
    if (context.baseline != nullptr && first_suite) {
      suites += baseline_properties(*context.baseline, baseline_entries(service, *context.baseline));
    }
    for (const auto& note : service.era_notes) {
      property("era_warning", fmt::format("{}: {}", note.where.to_string(), note.message));
    }
    for (const auto& waiver : service.stale_waivers) {
      property("stale_waiver", fmt::format("{}: {}", waiver.where.to_string(), rules::stale_waiver_message(waiver)));
    }
    for (const auto& note : service.era_conflicts) {
      property("era_note", fmt::format("{}: {}", note.where.to_string(), note.message));
    }
    // Another reading changes results across frameworks: each suite lists those of its own.
    for (const auto& reading : service.readings) {
      std::string changes;
      for (const auto& change : reading.changes) {
        if (change.rule->pack != nullptr && change.rule->pack->framework == framework.framework) {
          changes += fmt::format("; {}", change_sentence(change));
        }
      }
      property("other_reading",
               fmt::format("{}: {}{}", reading.values.front().where.to_string(), reading_sentence(reading), changes));
    }
    if (!framework.practice_level.empty()) {
      property("practice_level", framework.practice_level);
    }
    // What falls due is the service's, not a framework's: it goes with the service's first suite.
    if (first_suite) {
      property("due_within_days", std::to_string(context.due_within_days));
      for (const auto& deadline : service.upcoming) {
        property("falls_due", fmt::format("{} {}: {} ({})", deadline.due.to_string(), deadline.kind, deadline.what,
                                          deadline.where.to_string()));
      }
      first_suite = false;
    }
    suites += "    </properties>\n";
    for (const auto* finding : framework.findings) {
      write_testcase(service, *finding, suites);
    }
    suites += "  </testsuite>\n";
  }
  return suites;
}

}  // namespace ppsaudit::report
