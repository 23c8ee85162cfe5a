// The inspection pack as one self-contained, accessible HTML5 page: the Markdown report's
// sections from the same model, with a chart of results per framework and area whose numbers
// are in real tables. Inline CSS only: no script, and nothing the page loads.
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/markup.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

struct OutcomeStyle {
  Outcome outcome;
  std::string_view label;
  std::string_view css;  // the class of its bar segment and legend key
};

constexpr std::array<OutcomeStyle, 5> k_outcome_styles{{
    {Outcome::met, "Met", "met"},
    {Outcome::not_met, "Not met", "not-met"},
    {Outcome::not_applicable, "Not applicable", "not-applicable"},
    {Outcome::needs_attestation, "Needs attestation", "attestation"},
    {Outcome::not_assessable, "Not assessable", "not-assessable"},
}};

// Every colour meets WCAG AA against white for text (4.5:1) and for graphics (3:1); the
// numbers are always written beside a bar, so colour never carries meaning alone.
constexpr std::string_view k_style = R"(
body { margin: 0; color: #1b1b1b; background: #fff; font: 1rem/1.5 system-ui, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #505a5f; overflow-wrap: anywhere; }
h3 { font-size: 1.15rem; margin-top: 1.75rem; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
thead th { background: #f3f2f1; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; }
td.chart { width: 30%; min-width: 8rem; vertical-align: middle; }
.bar { display: flex; height: 1rem; border: 1px solid #505a5f; background: #fff; }
.bar span, .key { display: inline-block; min-width: 2px; }
.key { width: 1rem; height: 1rem; margin-right: 0.4rem; vertical-align: -0.15rem; border: 1px solid #505a5f; }
.met { background: #1d7a3a; }
.not-met { background: #b3261e; }
.not-applicable { background: #6b6b6b; }
.attestation { background: #8a5a00; }
.not-assessable { background: #5b3f9e; }
section.service { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
ul.ids { columns: 18rem; padding-left: 1.25rem; overflow-wrap: anywhere; }
thead th { overflow-wrap: normal; }
ol.findings { padding-left: 2rem; }
ol.findings > li { margin: 0 0 1.25rem; padding-left: 0.75rem; border-left: 4px solid #505a5f; }
ol.findings.list-not-met > li { border-left-color: #b3261e; }
ol.findings.list-not-assessable > li { border-left-color: #5b3f9e; }
ol.findings.list-attestation > li { border-left-color: #8a5a00; }
ol.findings p { margin: 0 0 0.25rem; }
ol.findings dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
ol.findings dt { grid-column: 1; font-weight: bold; }
ol.findings dd { grid-column: 2; margin: 0; overflow-wrap: anywhere; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
)";

// A stacked bar of the counts, hidden from assistive technology: the same numbers are in
// the row's cells, which are the chart's text alternative.
std::string bar(const OutcomeCounts& counts) {
  std::string out = R"(<td class="chart"><div class="bar" aria-hidden="true">)";
  for (const auto& style : k_outcome_styles) {
    const int count = counts.of(style.outcome);
    if (count > 0) {
      out += fmt::format(R"(<span class="{}" style="flex: {}"></span>)", style.css, count);
    }
  }
  return out + "</div></td>";
}

std::string counts_row(std::string_view header, const OutcomeCounts& counts, std::string_view row_class) {
  std::string out = fmt::format("<tr{}><th scope=\"row\">{}</th>",
                                row_class.empty() ? std::string() : fmt::format(" class=\"{}\"", row_class), header);
  for (const auto& style : k_outcome_styles) {
    out += fmt::format(R"(<td class="number">{}</td>)", counts.of(style.outcome));
  }
  return out + bar(counts) + "</tr>\n";
}

std::string counts_head(std::string_view first) {
  std::string out = fmt::format("<thead><tr><th scope=\"col\">{}</th>", first);
  for (const auto& style : k_outcome_styles) {
    out += fmt::format(R"(<th scope="col">{}</th>)", style.label);
  }
  return out + "<th scope=\"col\">Chart</th></tr></thead>\n";
}

std::string legend() {
  std::string out = "<ul class=\"legend\" aria-label=\"Chart colours\">\n";
  for (const auto& style : k_outcome_styles) {
    out += fmt::format("<li><span class=\"key {}\" aria-hidden=\"true\"></span>{}</li>\n", style.css, style.label);
  }
  return out + "</ul>\n";
}

// The findings of one kind as a numbered list, each rule's facts in a description list.
std::string findings_list(const AuditedService& service, const std::vector<const rules::Finding*>& findings,
                          std::string_view kind, bool with_fix) {
  std::string out = fmt::format("<ol class=\"findings list-{}\">\n", kind);
  for (const auto* finding : findings) {
    const rules::Rule& rule = *finding->rule;
    out += fmt::format("<li>\n<p><strong>{}</strong>: {}</p>\n<dl>\n", text::html_escape(rule.id),
                       text::html_escape(rule.title));
    const auto field = [&out](std::string_view name, const std::string& value) {
      if (!value.empty()) {
        out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, text::html_escape(value));
      }
    };
    field("Strength", strength_label(rule));
    field("Framework", rule.pack->framework);
    field("What", finding->message);
    for (const auto& citation : rule.citations) {
      field("Why", citation.to_string());
    }
    field("Where", finding->where.to_string());
    if (const auto state = baseline_state(service, *finding); state && with_fix) {
      field("Since", baseline_sentence(*state));
    }
    if (with_fix) {
      field("Fix", rule.fix);
    }
    out += "</dl>\n</li>\n";
  }
  return out + "</ol>\n";
}

// The id of a service's section in a register's report.
std::string anchor(std::size_t number) {
  return fmt::format("service-{}", number);
}

class HtmlWriter {
 public:
  HtmlWriter(bool several, int due_within_days) : m_several(several), m_due_within_days(due_within_days) {
    m_depth = several ? 1 : 0;
  }

  // Everything before the first service: the document's head, its title and, for a register,
  // the roll-up and the comparison with the baseline.
  std::string frame_start(const ReportFrame& frame) {
    const std::string title =
        m_several ? fmt::format("Inspection summary: {} services", frame.services.size() + frame.broken.size())
        : frame.services.empty() ? std::string("Inspection summary")
                                 : "Inspection summary: " + text::html_escape(frame.services.front().name);
    m_out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>{}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        title, k_style, title);
    if (m_several) {
      write_rollup(frame);
      if (frame.baseline) {
        heading(1, "Baseline");
        write_baseline(*frame.baseline, frame.baseline_entries);
      }
    }
    return std::exchange(m_out, {});
  }

  // Everything after the last service: the files that could not be audited, and the end.
  std::string frame_end(const ReportFrame& frame) {
    for (const auto& broken : frame.broken) {
      heading(1, "Not audited: " + text::html_escape(broken.file));
      m_out += "<p>The file could not be audited: nothing in it was checked.</p>\n<ul class=\"errors\">\n";
      for (const auto& diagnostic : broken.diagnostics) {
        m_out += fmt::format("<li><code>{}</code></li>\n", text::html_escape(format_diagnostic(diagnostic)));
      }
      m_out += "</ul>\n";
    }
    return std::exchange(m_out, {}) + "</main>\n</body>\n</html>\n";
  }

  // One service's section; in a report of one service, with the comparison with the baseline.
  std::string service(const ServiceSummary& summary, const BaselineComparison* baseline) {
    write_service(summary, baseline);
    return std::exchange(m_out, {});
  }

 private:
  // One row per service and framework, with its counts, practice level and the service's
  // worst result; a file that could not be audited is a row of its own.
  void write_rollup(const ReportFrame& frame) {
    m_out += fmt::format(
        "<h2>Roll-up</h2>\n<p>{} service files: {} audited, {} not audited. The worst result is the strongest rule "
        "not met, or failing that not assessable.</p>\n<table>\n<caption>Every service file</caption>\n<thead><tr>"
        "<th scope=\"col\">Service</th><th scope=\"col\">File</th><th scope=\"col\">Framework</th>",
        frame.services.size() + frame.broken.size(), frame.services.size(), frame.broken.size());
    for (const auto& style : k_outcome_styles) {
      m_out += fmt::format(R"(<th scope="col">{}</th>)", style.label);
    }
    m_out += "<th scope=\"col\">Practice level</th><th scope=\"col\">Worst result</th></tr></thead>\n<tbody>\n";
    for (const auto& service : frame.services) {
      const std::string worst = text::html_escape(worst_label(service.worst));
      for (const auto& framework : service.frameworks) {
        // The service's first row links to its section.
        const std::string name = text::html_escape(service.name);
        m_out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>",
                             &framework == &service.frameworks.front()
                                 ? fmt::format("<a href=\"#{}\">{}</a>", anchor(service.number), name)
                                 : name,
                             text::html_escape(service.file), text::html_escape(framework.framework));
        for (const auto& style : k_outcome_styles) {
          m_out += fmt::format(R"(<td class="number">{}</td>)", framework.counts.of(style.outcome));
        }
        m_out += fmt::format("<td>{}</td><td>{}</td></tr>\n",
                             framework.practice_level.empty() ? std::string("none") : framework.practice_level, worst);
      }
    }
    for (const auto& broken : frame.broken) {
      m_out += fmt::format(
          "<tr><th scope=\"row\">Not audited</th><td>{}</td><td>none</td><td colspan=\"5\">not audited</td>"
          "<td>none</td><td>error: {}</td></tr>\n",
          text::html_escape(broken.file), text::html_escape(format_diagnostic(broken.first_error())));
    }
    m_out += "</tbody>\n</table>\n";
  }

  // The comparison with the baseline: the counts, then what is new, fixed and absent.
  void write_baseline(const BaselineComparison& comparison, const std::vector<BaselineEntry>& entries) {
    m_out += fmt::format("<p>Compared with <code>{}</code>: {}.</p>\n", text::html_escape(comparison.file),
                         baseline_counts(comparison));
    if (entries.empty()) {
      return;
    }
    m_out += "<ul class=\"baseline\">\n";
    for (const auto& entry : entries) {
      m_out += fmt::format("<li><strong>{}</strong>: {}</li>\n", token(entry.state), text::html_escape(entry.text));
    }
    m_out += "</ul>\n";
  }

  void heading(int level, std::string_view text) { m_out += fmt::format("<h{0}>{1}</h{0}>\n", level + m_depth, text); }

  void write_service(const ServiceSummary& summary, const BaselineComparison* baseline) {
    const bool several = m_several;
    m_service = summary.service;
    const rules::ServiceAudit& audit = summary.service->audit;
    if (several) {
      // Its own section, which the roll-up links to and a browser lays out only when shown.
      m_out += fmt::format("<section class=\"service\" id=\"{}\">\n", anchor(summary.service->number));
      heading(1, text::html_escape(audit.file->name()));
    }
    const rules::Profile* profile = summary.service->profile;
    m_out += fmt::format(
        "<dl class=\"facts\">\n<dt>Service file</dt><dd>{0}</dd>\n<dt>Profile</dt><dd>{1}</dd>\n"
        "<dt>Audit date</dt><dd><time datetime=\"{2}\">{2}</time></dd>\n"
        "<dt>Results</dt><dd>{3} met, {4} not met, {5} not applicable, {6} needing attestation, "
        "{7} not assessable</dd>\n</dl>\n",
        text::html_escape(*audit.file->path), text::html_escape(profile_label(profile)), audit.as_of.to_string(),
        summary.counts.of(Outcome::met), summary.counts.of(Outcome::not_met),
        summary.counts.of(Outcome::not_applicable), summary.counts.of(Outcome::needs_attestation),
        summary.counts.of(Outcome::not_assessable));
    if (baseline != nullptr) {
      heading(2, "Baseline");
      write_baseline(*baseline, baseline_entries(*summary.service, *baseline));
    }
    if (!summary.service->era_notes.empty()) {
      heading(2, "Era warnings");
      m_out += "<ul class=\"warnings\">\n";
      for (const auto& note : summary.service->era_notes) {
        m_out += fmt::format("<li><strong>Warning:</strong> {} (at <code>{}</code>)</li>\n",
                             text::html_escape(note.message), text::html_escape(note.where.to_string()));
      }
      m_out += "</ul>\n";
    }
    if (!summary.service->era_conflicts.empty() || !summary.service->readings.empty()) {
      heading(2, "Notes");
      m_out += "<ul class=\"notes\">\n";
      for (const auto& note : summary.service->era_conflicts) {
        m_out += fmt::format("<li><strong>Note:</strong> {} (at <code>{}</code>)</li>\n",
                             text::html_escape(note.message), text::html_escape(note.where.to_string()));
      }
      for (const auto& reading : summary.service->readings) {
        std::vector<std::string> values;
        for (const auto& value : reading.values) {
          values.push_back(fmt::format("<code>{}</code> at <code>{}</code>", text::html_escape(value.path),
                                       text::html_escape(value.where.to_string())));
        }
        m_out += fmt::format("<li><strong>Two readings:</strong> {} ({}).",
                             text::html_escape(reading_sentence(reading)), fmt::join(values, ", "));
        if (!reading.changes.empty()) {
          m_out += "\n<ul>\n";
          for (const auto& change : reading.changes) {
            m_out += fmt::format("<li>{}</li>\n", text::html_escape(change_sentence(change)));
          }
          m_out += "</ul>\n";
        }
        m_out += "</li>\n";
      }
      m_out += "</ul>\n";
    }

    heading(2, "Results by framework and area");
    m_out += "<p>Each row counts the rules by result; its bar shows the same numbers.</p>\n" + legend();
    m_out += "<table>\n<caption>Results by framework</caption>\n" + counts_head("Framework") + "<tbody>\n";
    for (const auto& framework : summary.frameworks) {
      m_out += counts_row(text::html_escape(framework.framework), framework.counts, "");
    }
    m_out += "</tbody>\n</table>\n";
    for (const auto& framework : summary.frameworks) {
      heading(3, text::html_escape(framework.framework));
      if (!framework.practice_level.empty()) {
        m_out += fmt::format("<p>Practice level reached: {}.</p>\n", framework.practice_level);
      }
      m_out +=
          fmt::format("<table>\n<caption>{}: results by area</caption>\n", text::html_escape(framework.framework)) +
          counts_head("Area") + "<tbody>\n";
      for (const auto& area : framework.areas) {
        m_out += counts_row(text::html_escape(area.area), area.counts, "");
      }
      m_out += counts_row("All areas", framework.counts, "total") + "</tbody>\n</table>\n";
    }

    heading(2, "Action list");
    findings_section(summary.with(Outcome::not_met), "not-met",
                     "Rules not met, by framework, legal duties first within each.",
                     "Every rule that could be checked is met.", true);
    heading(2, "Needs evidence");
    findings_section(summary.with(Outcome::not_assessable), "not-assessable",
                     "Rules that cannot be assessed until the service file records this.",
                     "Nothing: every rule had the evidence it needs.", true);
    heading(2, "Needs attestation");
    findings_section(summary.with(Outcome::needs_attestation), "attestation",
                     "Rules that a person must confirm, with when they last did.", "Nothing needs attestation.", false);

    heading(2, fmt::format("Falls due within {} days of {}", m_due_within_days, audit.as_of.to_string()));
    if (summary.service->upcoming.empty()) {
      m_out += "<p>Nothing falls due.</p>\n";
    } else {
      m_out +=
          "<table>\n<caption>Deadlines, earliest first</caption>\n<thead><tr><th scope=\"col\">Due</th>"
          "<th scope=\"col\">What</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n";
      for (const auto& deadline : summary.service->upcoming) {
        m_out += fmt::format(
            "<tr><th scope=\"row\"><time datetime=\"{0}\">{0}</time></th><td>{1}</td><td>{2}</td></tr>\n",
            deadline.due.to_string(), text::html_escape(deadline.what), text::html_escape(deadline.where.to_string()));
      }
      m_out += "</tbody>\n</table>\n";
    }

    heading(2, "Met and not applicable");
    const auto met = summary.with(Outcome::met);
    heading(3, fmt::format("Met ({})", met.size()));
    if (met.empty()) {
      m_out += "<p>None.</p>\n";
    } else {
      m_out += "<ul class=\"ids\">\n";
      for (const auto* finding : met) {
        const bool fixed = baseline_state(*summary.service, *finding) == BaselineState::fixed;
        m_out += fmt::format("<li>{}{}</li>\n", text::html_escape(finding->rule->id), fixed ? " (fixed)" : "");
      }
      m_out += "</ul>\n";
    }
    const auto not_applicable = summary.with(Outcome::not_applicable);
    heading(3, fmt::format("Not applicable ({})", not_applicable.size()));
    if (not_applicable.empty()) {
      m_out += "<p>None.</p>\n";
    } else {
      m_out +=
          "<table>\n<caption>Rules that do not apply, and why</caption>\n<thead><tr><th scope=\"col\">Rule</th>"
          "<th scope=\"col\">Why not</th></tr></thead>\n<tbody>\n";
      for (const auto* finding : not_applicable) {
        m_out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", text::html_escape(finding->rule->id),
                             text::html_escape(finding->message));
      }
      m_out += "</tbody>\n</table>\n";
    }
    if (m_several) {
      m_out += "</section>\n";
    }
  }

  void findings_section(const std::vector<const rules::Finding*>& findings, std::string_view kind,
                        std::string_view lead, std::string_view none, bool with_fix) {
    m_out += findings.empty() ? fmt::format("<p>{}</p>\n", none)
                              : fmt::format("<p>{}</p>\n", lead) + findings_list(*m_service, findings, kind, with_fix);
  }

  bool m_several;
  int m_due_within_days;
  std::string m_out;
  const AuditedService* m_service = nullptr;  // the service being written
  int m_depth = 0;
};

}  // namespace

FrameParts html_frame(const ReportFrame& frame) {
  HtmlWriter writer(frame.several(), frame.due_within_days);
  FrameParts parts;
  parts.before = writer.frame_start(frame);
  parts.after = writer.frame_end(frame);
  return parts;
}

std::string html_section(const AuditedService& service, const SectionContext& context) {
  return HtmlWriter(context.several, context.due_within_days).service(summarize(service), context.baseline);
}

}  // namespace ppsaudit::report
