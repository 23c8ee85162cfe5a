// The inspection pack as one self-contained, accessible HTML5 page, for the screen and for
// paper: a first page with the service, its practice levels and its top actions; a table of
// contents; the results by framework and area, with charts whose numbers are in real tables;
// every finding with the element of the service file it is about; the met rules with their
// titles; the provenance of the report and a block to sign. Inline CSS only: no script, and
// nothing the page loads. A register's report opens with a roll-up linking to each service.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "report/element.hpp"
#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/markup.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

struct OutcomeStyle {
  Outcome outcome;
  std::string_view label;  // the result's one name, in every part of the page
  std::string_view css;    // the class of its bar segment, legend key and tag
};

constexpr std::array<OutcomeStyle, 5> k_outcome_styles{{
    {Outcome::met, "Met", "met"},
    {Outcome::not_met, "Not met", "not-met"},
    {Outcome::not_applicable, "Not applicable", "not-applicable"},
    {Outcome::needs_attestation, "Needs attestation", "attestation"},
    {Outcome::not_assessable, "Not assessable", "not-assessable"},
}};

const OutcomeStyle& style_of(Outcome outcome) {
  for (const auto& style : k_outcome_styles) {
    if (style.outcome == outcome) {
      return style;
    }
  }
  return k_outcome_styles.front();
}

// Every colour meets WCAG AA against white for text (4.5:1) and for graphics (3:1); the
// numbers are always written beside a bar, so colour never carries meaning alone.
//
// On paper: backgrounds are printed even with a browser's default settings (print-color-adjust),
// so the charts keep their colours; words break only between words (no overflow-wrap: anywhere,
// which let narrow table columns cut "information" into "infor/matio/n"); the first page is
// the cover, the contents end a page, each framework starts a page, a table's
// header repeats on each page it spans, and each service of a register starts a page.
constexpr std::string_view k_style = R"(
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1b1b1b; background: #fff; font: 1rem/1.5 system-ui, sans-serif; overflow-wrap: break-word; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #505a5f; }
h3 { font-size: 1.15rem; margin-top: 1.75rem; }
h4 { font-size: 1rem; margin-top: 1.5rem; }
p.kind { margin: 0; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; color: #505a5f; }
header.cover h2, header.cover h3 { margin-top: 1.5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; min-width: 0; }
code { overflow-wrap: anywhere; }
th code, td code { overflow-wrap: normal; }
table.rollup tbody th { width: 26%; }
table.rollup td:last-child { width: 20%; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; hyphens: manual; }
thead { display: table-header-group; }
thead th { background: #f3f2f1; }
table.levels tbody th { width: 28%; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; }
td.chart { width: 18%; min-width: 5rem; vertical-align: middle; }
.bar { display: flex; height: 1rem; border: 1px solid #505a5f; background: #fff; }
.bar span, .key { display: inline-block; min-width: 2px; }
.key { width: 1rem; height: 1rem; margin-right: 0.4rem; vertical-align: -0.15rem; border: 1px solid #505a5f; }
.met { background: #1d7a3a; }
.not-met { background: #b3261e; }
.not-applicable { background: #6b6b6b; }
.attestation { background: #8a5a00; }
.not-assessable { background: #5b3f9e; }
span.tag { display: inline-block; padding: 0 0.4rem; border-radius: 0.2rem; color: #fff; font-weight: bold;
           font-size: 0.85em; white-space: nowrap; }
section.service { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
ol.actions { padding-left: 1.75rem; }
ol.actions > li { margin: 0 0 0.6rem; }
ol.actions p { margin: 0; }
ol.findings { padding-left: 2rem; }
ol.findings > li { margin: 0 0 1.25rem; padding-left: 0.75rem; border-left: 4px solid #505a5f; }
ol.findings.list-not-met > li { border-left-color: #b3261e; }
ol.findings.list-not-assessable > li { border-left-color: #5b3f9e; }
ol.findings.list-attestation > li { border-left-color: #8a5a00; }
ol.findings p { margin: 0 0 0.25rem; }
ol.findings dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
ol.findings dt { grid-column: 1; font-weight: bold; }
ol.findings dd { grid-column: 2; margin: 0; min-width: 0; }
ol.findings pre { margin: 0.25rem 0; padding: 0.4rem 0.6rem; background: #f3f2f1; white-space: pre-wrap; }
.position { color: #505a5f; font-size: 0.9em; }
nav.contents ol { padding-left: 1.75rem; }
table.sign-off td { height: 2.5rem; }
table.sign-off td.comments { height: 6rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  nav.contents { break-after: page; }
  section.framework + section.framework { break-before: page; }
  section.service { content-visibility: visible; break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, ol.actions > li, ol.findings > li, section.sign-off { break-inside: avoid; }
}
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

// A cell per result; a count with results under a waiver in force says how many: "3 (1 waived)".
std::string count_cells(const OutcomeCounts& counts, const OutcomeCounts& waived = {}) {
  std::string out;
  for (const auto& style : k_outcome_styles) {
    out +=
        fmt::format(R"(<td class="number">{}{}</td>)", counts.of(style.outcome), waived_suffix(waived, style.outcome));
  }
  return out;
}

std::string counts_row(std::string_view header, const OutcomeCounts& counts, std::string_view row_class) {
  return fmt::format("<tr{}><th scope=\"row\">{}</th>",
                     row_class.empty() ? std::string() : fmt::format(" class=\"{}\"", row_class), header) +
         count_cells(counts) + bar(counts) + "</tr>\n";
}

// The head of a table of counts: its first columns, a column per result, and the chart.
std::string counts_head(std::initializer_list<std::string_view> first) {
  std::string out = "<thead><tr>";
  for (const auto name : first) {
    out += fmt::format(R"(<th scope="col">{}</th>)", name);
  }
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

// A result as a coloured tag whose text is the result's name.
std::string tag(Outcome outcome) {
  const OutcomeStyle& style = style_of(outcome);
  return fmt::format(R"(<span class="tag {}">{}</span>)", style.css, style.label);
}

// Text, escaped, that may break after each '/' on a narrow page but never inside a word: a
// rule id ("send-cop-2015/<wbr>audiences"), a file's path.
std::string breakable(std::string_view text) {
  std::string out;
  for (std::size_t slash = text.find('/'); slash != std::string_view::npos; slash = text.find('/')) {
    out += text::html_escape(text.substr(0, slash + 1)) + "<wbr>";
    text.remove_prefix(slash + 1);
  }
  return out + text::html_escape(text);
}

std::string rule_id(std::string_view id) {
  return breakable(id);
}

std::string path_text(std::string_view path) {
  return breakable(path);
}

// The element of the service file a finding is about, in words, with its file position after
// it as a secondary detail: what an inspector reads, then what the service's editor needs.
std::string where_of(const AuditedService& service, const rules::Finding& finding) {
  std::string position =
      fmt::format("<span class=\"position\">(<code>{}</code>)</span>", text::html_escape(finding.where.to_string()));
  // The finding is one of the audit's, whose elements are in the same order.
  const auto index = static_cast<std::size_t>(&finding - service.audit.findings.data());
  if (index < service.elements.size()) {
    return text::html_escape(service.elements[index]) + " " + position;
  }
  return position;
}

// "when it is so, add ..." as a sentence's start: "When it is so, add ...".
std::string upper_first(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

// Lines of text for a <pre>, each escaped, kept as lines (html_escape makes a line break a space).
std::string html_text_lines(std::string_view text) {
  std::string out;
  for (std::size_t end = text.find('\n'); end != std::string_view::npos; end = text.find('\n')) {
    out += text::html_escape(text.substr(0, end)) + "\n";
    text.remove_prefix(end + 1);
  }
  return out + text::html_escape(text);
}

// The id of a service's section in a register's report.
std::string anchor(std::size_t number) {
  return fmt::format("service-{}", number);
}

class HtmlWriter {
 public:
  explicit HtmlWriter(const SectionContext& context) : m_context(context), m_depth(context.several ? 1 : 0) {}

  // Everything before the first service: the document's head, its title and, for a register,
  // the roll-up and the comparison with the baseline.
  std::string frame_start(const ReportFrame& frame) {
    const std::size_t files = frame.services.size() + frame.broken.size();
    const std::string title = m_context.several ? fmt::format("Inspection packs: {} services", files)
                              : frame.services.empty()
                                  ? std::string("Inspection pack")
                                  : "Inspection pack: " + text::html_escape(frame.services.front().name);
    m_out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>{}</style>\n</head>\n<body>\n<main>\n",
        title, k_style);
    if (m_context.several || frame.services.empty()) {
      m_out += fmt::format("<h1>{}</h1>\n", title);
      if (m_context.several) {
        write_statutory_note();
      }
    }
    if (m_context.several) {
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

  // One service's pack; in a report of one service, with the comparison with the baseline.
  std::string service(const ServiceSummary& summary) {
    write_service(summary);
    return std::exchange(m_out, {});
  }

 private:
  // One row per service: its name linking to its pack (its file under it), the practice level
  // of each framework that has levels, its results counted, and its worst result; a file that
  // could not be audited is a row of its own.
  void write_rollup(const ReportFrame& frame) {
    m_out += fmt::format(
        "<h2>Roll-up</h2>\n<p>{} service files: {} audited, {} not audited. Each service's name links to its "
        "pack. The worst result is the strongest rule not met, or failing that not assessable.</p>\n"
        "<table class=\"rollup\">\n<caption>Every service file</caption>\n<thead><tr><th scope=\"col\">Service"
        "</th><th scope=\"col\">Practice levels</th>",
        frame.services.size() + frame.broken.size(), frame.services.size(), frame.broken.size());
    for (const auto& style : k_outcome_styles) {
      m_out += fmt::format(R"(<th scope="col">{}</th>)", style.label);
    }
    m_out += "<th scope=\"col\">Worst result</th></tr></thead>\n<tbody>\n";
    for (const auto& service : frame.services) {
      std::vector<std::string> levels;
      for (const auto& framework : service.frameworks) {
        if (!framework.practice_level.empty()) {
          levels.push_back(fmt::format("{}: {}", text::html_escape(framework.framework), framework.practice_level));
        }
      }
      m_out += fmt::format(
          "<tr><th scope=\"row\"><a href=\"#{}\">{}</a><br><span class=\"position\"><code>{}</code></span></th>"
          "<td>{}</td>",
          anchor(service.number), text::html_escape(service.name), path_text(service.file),
          levels.empty() ? std::string("none") : fmt::format("{}", fmt::join(levels, "<br>")));
      m_out += count_cells(service.counts, service.waived) +
               fmt::format("<td>{}</td></tr>\n", breakable(worst_label(service.worst)));
    }
    for (const auto& broken : frame.broken) {
      m_out += fmt::format(
          "<tr><th scope=\"row\">Not audited<br><span class=\"position\"><code>{}</code></span></th><td>none</td>"
          "<td colspan=\"5\">not audited</td><td>error: {}</td></tr>\n",
          path_text(broken.file), text::html_escape(format_diagnostic(broken.first_error())));
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

  void heading(int level, std::string_view text, std::string_view id = {}) {
    m_out += id.empty() ? fmt::format("<h{0}>{1}</h{0}>\n", level + m_depth, text)
                        : fmt::format("<h{0} id=\"{2}\">{1}</h{0}>\n", level + m_depth, text, id);
  }

  // An id inside the service's pack, unique in a register's report.
  [[nodiscard]] std::string id(std::string_view name) const { return m_prefix + std::string(name); }

  // A section of the pack, its heading linked from the contents.
  void open_section(std::string_view name, std::string_view title) {
    // Not a landmark (no accessible name): a register repeats the same sections for each service.
    m_out += fmt::format("<section id=\"{}\">\n", id(name));
    heading(2, title, id(name) + "-title");
    m_contents.emplace_back(id(name), std::string(title));
  }

  void write_service(const ServiceSummary& summary) {
    const AuditedService& service = *summary.service;
    m_service = &service;
    m_contents.clear();
    m_prefix = m_context.several ? anchor(service.number) + "-" : std::string();
    if (m_context.several) {
      // Its own section, which the roll-up links to and a browser lays out only when shown.
      m_out += fmt::format("<section class=\"service\" id=\"{}\" aria-labelledby=\"{}\">\n", anchor(service.number),
                           id("name"));
    }
    std::string body;
    std::swap(body, m_out);
    write_cover(summary);
    const std::string cover = std::exchange(m_out, {});
    write_sections(summary);
    const std::string sections = std::exchange(m_out, {});
    m_out = std::move(body) + cover + contents() + sections;
    if (m_context.several) {
      m_out += "</section>\n";
    }
  }

  // With --allow-statutory-waivers: said on the first page, where an inspector starts.
  void write_statutory_note() {
    if (m_context.statutory_waivers_allowed) {
      m_out += fmt::format("<p class=\"warnings\"><strong>Note:</strong> {}</p>\n",
                           text::html_escape(k_statutory_waivers_note));
    }
  }

  // The first page: the service, its practice levels and results, and the top actions.
  void write_cover(const ServiceSummary& summary) {
    const AuditedService& service = *summary.service;
    const rules::ServiceAudit& audit = service.audit;
    m_out += "<header class=\"cover\">\n<p class=\"kind\">Inspection pack</p>\n";
    m_out +=
        fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", 1 + m_depth, id("name"), text::html_escape(audit.file->name()));
    m_out += "<dl class=\"facts\">\n";
    const std::string authority = audit.file->root.find("service") != nullptr
                                      ? audit.file->root.find("service")->text_of("local_authority")
                                      : std::string();
    if (!authority.empty()) {
      m_out += fmt::format("<dt>Local authority</dt><dd>{}</dd>\n", text::html_escape(authority));
    }
    m_out += fmt::format(
        "<dt>Audit date</dt><dd><time datetime=\"{0}\">{0}</time></dd>\n<dt>Profile</dt><dd>{1}</dd>\n"
        "<dt>Service file</dt><dd><code>{2}</code></dd>\n"
        "<dt>Results</dt><dd>{3} met, {4} not met{8}, {5} not applicable, {6} needs attestation, {7} not "
        "assessable{9}</dd>\n</dl>\n",
        audit.as_of.to_string(), text::html_escape(profile_label(service.profile)),
        text::html_escape(*audit.file->path), summary.counts.of(Outcome::met), summary.counts.of(Outcome::not_met),
        summary.counts.of(Outcome::not_applicable), summary.counts.of(Outcome::needs_attestation),
        summary.counts.of(Outcome::not_assessable), waived_suffix(summary.waived, Outcome::not_met),
        waived_suffix(summary.waived, Outcome::not_assessable));
    if (!m_context.several) {
      write_statutory_note();
    }
    if (!service.stale_waivers.empty()) {
      heading(2, "Stale waivers");
      m_out += "<ul class=\"warnings\">\n";
      for (const auto& waiver : service.stale_waivers) {
        m_out += fmt::format(
            "<li><strong>Warning:</strong> {} <span class=\"position\">(<code>{}</code>)</span></li>\n",
            text::html_escape(rules::stale_waiver_message(waiver)), text::html_escape(waiver.where.to_string()));
      }
      m_out += "</ul>\n";
    }
    if (!service.era_notes.empty()) {
      heading(2, "Era warnings");
      m_out += "<ul class=\"warnings\">\n";
      for (const auto& note : service.era_notes) {
        m_out +=
            fmt::format("<li><strong>Warning:</strong> {} <span class=\"position\">(<code>{}</code>)</span></li>\n",
                        text::html_escape(note.message), text::html_escape(note.where.to_string()));
      }
      m_out += "</ul>\n";
    }

    heading(2, "Practice levels and results", id("levels"));
    m_out +=
        "<p>For each framework, the practice level reached and its rules counted by result; the bar shows the same "
        "numbers.</p>\n" +
        legend();
    m_out += "<table class=\"levels\">\n<caption>Results by framework</caption>\n" +
             counts_head({"Framework", "Practice level"}) + "<tbody>\n";
    for (const auto& framework : summary.frameworks) {
      m_out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", text::html_escape(framework.framework),
                           framework.practice_level.empty() ? std::string("no levels") : framework.practice_level) +
               count_cells(framework.counts, framework.waived) + bar(framework.counts) + "</tr>\n";
    }
    m_out += "</tbody>\n</table>\n";

    heading(2, "Top actions", id("top-actions"));
    const auto actions = top_actions(summary);
    constexpr std::size_t k_shown = 10;
    if (actions.empty()) {
      m_out += "<p>Nothing to act on: every rule that could be checked is met, and no legal duty needs evidence.</p>\n";
    } else {
      m_out += fmt::format(
          "<p>{}: legal duties not met, then legal duties not assessable, then other rules not met, strongest "
          "first. Each is in full under <a href=\"#{}\">Not met</a> or <a href=\"#{}\">Not assessable</a>.</p>\n"
          "<ol class=\"actions\">\n",
          actions.size() > k_shown ? fmt::format("The first {} of {} actions", k_shown, actions.size())
                                   : fmt::format("{} action{}", actions.size(), actions.size() == 1 ? "" : "s"),
          id("not-met"), id("not-assessable"));
      for (std::size_t i = 0; i < actions.size() && i < k_shown; ++i) {
        const rules::Finding& finding = *actions[i];
        const rules::Rule& rule = *finding.rule;
        m_out += fmt::format("<li><p>{} <strong>{}</strong>, {}: {}</p>\n", tag(finding.outcome),
                             text::html_escape(strength_label(rule)), rule_id(rule.id), text::html_escape(rule.title));
        if (!rule.fix.empty()) {
          m_out += fmt::format("<p><strong>Fix:</strong> {}</p>\n", text::html_escape(rule.fix));
        }
        m_out += "</li>\n";
      }
      m_out += "</ol>\n";
    }
    m_out += "</header>\n";
  }

  // The table of contents: a link to each section the pack has.
  [[nodiscard]] std::string contents() const {
    std::string out = fmt::format(
        "<nav class=\"contents\" aria-labelledby=\"{0} {4}\">\n<h{1} id=\"{0}\">Contents</h{1}>\n<ol>\n"
        "<li><a href=\"#{2}\">Practice levels and results</a></li>\n<li><a href=\"#{3}\">Top actions</a></li>\n",
        id("contents"), 2 + m_depth, id("levels"), id("top-actions"), id("name"));
    for (const auto& [target, title] : m_contents) {
      out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", target, title);
    }
    return out + "</ol>\n</nav>\n";
  }

  void write_sections(const ServiceSummary& summary) {
    const AuditedService& service = *summary.service;
    const rules::ServiceAudit& audit = service.audit;
    if (m_context.baseline != nullptr) {
      open_section("baseline", "Baseline");
      write_baseline(*m_context.baseline, baseline_entries(service, *m_context.baseline));
      m_out += "</section>\n";
    }
    if (!service.era_conflicts.empty() || !service.readings.empty()) {
      open_section("notes", "Notes");
      write_notes(service);
      m_out += "</section>\n";
    }

    open_section("areas", "Results by framework and area");
    for (const auto& framework : summary.frameworks) {
      m_out += "<section class=\"framework\">\n";
      heading(3, text::html_escape(framework.framework));
      m_out += fmt::format("<p>Practice level reached: {}.</p>\n",
                           framework.practice_level.empty() ? std::string("none (the framework has no levels)")
                                                            : framework.practice_level);
      m_out +=
          fmt::format("<table>\n<caption>{}: results by area</caption>\n", text::html_escape(framework.framework)) +
          counts_head({"Area"}) + "<tbody>\n";
      for (const auto& area : framework.areas) {
        m_out += counts_row(text::html_escape(key_in_words(area.area)), area.counts, "");
      }
      m_out += counts_row("All areas", framework.counts, "total") + "</tbody>\n</table>\n</section>\n";
    }
    m_out += "</section>\n";

    open_section("not-met", "Not met: the action list");
    findings_section(summary.with(Outcome::not_met), "not-met",
                     "Rules not met, by framework, legal duties first within each, with what to do.",
                     "Every rule that could be checked is met.", true);
    open_section("not-assessable", "Not assessable: evidence to record");
    findings_section(summary.with(Outcome::not_assessable), "not-assessable",
                     "Rules that cannot be assessed until the service file records what they need.",
                     "Nothing: every rule had the evidence it needs.", true);
    open_section("attestation", "Needs attestation");
    findings_section(summary.with(Outcome::needs_attestation), "attestation",
                     "Rules that a person must confirm, with when they last did.", "Nothing needs attestation.", false);

    open_section("due",
                 fmt::format("Falls due within {} days of {}", m_context.due_within_days, audit.as_of.to_string()));
    if (service.upcoming.empty()) {
      m_out += "<p>Nothing falls due.</p>\n";
    } else {
      m_out +=
          "<table>\n<caption>Deadlines, earliest first</caption>\n<thead><tr><th scope=\"col\">Due</th>"
          "<th scope=\"col\">What</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n";
      for (const auto& deadline : service.upcoming) {
        m_out += fmt::format(
            "<tr><th scope=\"row\"><time datetime=\"{0}\">{0}</time></th><td>{1}</td><td><code>{2}</code></td></tr>\n",
            deadline.due.to_string(), text::html_escape(deadline.what), text::html_escape(deadline.where.to_string()));
      }
      m_out += "</tbody>\n</table>\n";
    }
    m_out += "</section>\n";

    open_section("met", "Met and not applicable");
    write_met(summary);
    m_out += "</section>\n";

    open_section("provenance", "Provenance");
    write_provenance(summary);
    m_out += "</section>\n";

    open_section("sign-off", "Sign-off");
    m_out +=
        "<p>To be completed by hand: who prepared this pack, who reviewed it, and what they found.</p>\n"
        "<table class=\"sign-off\">\n<caption>Sign-off</caption>\n<thead><tr><th scope=\"col\">Role</th>"
        "<th scope=\"col\">Name</th><th scope=\"col\">Signature</th><th scope=\"col\">Date</th></tr></thead>\n"
        "<tbody>\n<tr><th scope=\"row\">Prepared by</th><td></td><td></td><td></td></tr>\n"
        "<tr><th scope=\"row\">Reviewed by</th><td></td><td></td><td></td></tr>\n"
        "<tr><th scope=\"row\">Comments</th><td class=\"comments\" colspan=\"3\"></td></tr>\n</tbody>\n</table>\n"
        "</section>\n";
  }

  void write_notes(const AuditedService& service) {
    m_out += "<ul class=\"notes\">\n";
    for (const auto& note : service.era_conflicts) {
      m_out += fmt::format("<li><strong>Note:</strong> {} <span class=\"position\">(<code>{}</code>)</span></li>\n",
                           text::html_escape(note.message), text::html_escape(note.where.to_string()));
    }
    for (const auto& reading : service.readings) {
      std::vector<std::string> values;
      for (const auto& value : reading.values) {
        values.push_back(fmt::format("<code>{}</code> at <code>{}</code>", text::html_escape(value.path),
                                     text::html_escape(value.where.to_string())));
      }
      m_out += fmt::format("<li><strong>Two readings:</strong> {} ({}).", text::html_escape(reading_sentence(reading)),
                           fmt::join(values, ", "));
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

  // The met rules with their titles, and the rules that do not apply with why not.
  void write_met(const ServiceSummary& summary) {
    const auto met = summary.with(Outcome::met);
    if (met.empty()) {
      m_out += "<p>No rule is met.</p>\n";
    } else {
      m_out += fmt::format(
          "<table>\n<caption>Met ({})</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What it "
          "asks</th><th scope=\"col\">Framework</th></tr></thead>\n<tbody>\n",
          met.size());
      for (const auto* finding : met) {
        const bool fixed = baseline_state(*summary.service, *finding) == BaselineState::fixed;
        m_out += fmt::format("<tr><th scope=\"row\">{}{}</th><td>{}</td><td>{}</td></tr>\n", rule_id(finding->rule->id),
                             fixed ? " (fixed)" : "", text::html_escape(finding->rule->title),
                             text::html_escape(finding->rule->pack != nullptr ? finding->rule->pack->framework : ""));
      }
      m_out += "</tbody>\n</table>\n";
    }
    const auto not_applicable = summary.with(Outcome::not_applicable);
    if (not_applicable.empty()) {
      m_out += "<p>Every rule applies.</p>\n";
      return;
    }
    m_out += fmt::format(
        "<table>\n<caption>Not applicable ({})</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">"
        "What it asks</th><th scope=\"col\">Why it does not apply</th></tr></thead>\n<tbody>\n",
        not_applicable.size());
    for (const auto* finding : not_applicable) {
      m_out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", rule_id(finding->rule->id),
                           text::html_escape(finding->rule->title), text::html_escape(finding->message));
    }
    m_out += "</tbody>\n</table>\n";
  }

  // What made the pack: the program, the rule packs and their editions, the file and its digest.
  void write_provenance(const ServiceSummary& summary) {
    const rules::ServiceAudit& audit = summary.service->audit;
    m_out += fmt::format(
        "<dl class=\"facts\">\n<dt>Made by</dt><dd>ppsaudit {0}</dd>\n<dt>Service file</dt><dd><code>{1}</code></dd>\n"
        "<dt>Its SHA-256</dt><dd><code>{2}</code></dd>\n<dt>Audit date</dt><dd><time "
        "datetime=\"{3}\">{3}</time></dd>\n",
        PPSAUDIT_VERSION, text::html_escape(*audit.file->path),
        audit.file->sha256.empty() ? std::string("not known") : audit.file->sha256, audit.as_of.to_string());
    if (!m_context.generated_at.empty()) {
      m_out += fmt::format("<dt>Generated at</dt><dd><time datetime=\"{0}\">{0}</time></dd>\n", m_context.generated_at);
    }
    m_out +=
        "</dl>\n<table>\n<caption>Rule packs applied</caption>\n<thead><tr><th scope=\"col\">Pack</th>"
        "<th scope=\"col\">Title</th><th scope=\"col\">Edition</th><th scope=\"col\">Year</th><th scope=\"col\">Rules"
        "</th></tr></thead>\n<tbody>\n";
    std::vector<std::pair<const rules::Pack*, int>> packs;
    for (const auto& finding : audit.findings) {
      const rules::Pack* pack = finding.rule->pack;
      if (pack == nullptr) {
        continue;
      }
      const auto found =
          std::find_if(packs.begin(), packs.end(), [pack](const auto& item) { return item.first == pack; });
      if (found == packs.end()) {
        packs.emplace_back(pack, 1);
      } else {
        ++found->second;
      }
    }
    for (const auto& [pack, count] : packs) {
      m_out += fmt::format(
          "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>\n",
          text::html_escape(pack->id), text::html_escape(pack->title),
          pack->edition.empty() ? std::string("none given") : text::html_escape(pack->edition),
          pack->year > 0 ? std::to_string(pack->year) : std::string("none given"), count);
    }
    m_out += "</tbody>\n</table>\n";
  }

  void findings_section(const std::vector<const rules::Finding*>& findings, std::string_view kind,
                        std::string_view lead, std::string_view none, bool with_fix) {
    m_out += findings.empty() ? fmt::format("<p>{}</p>\n", none)
                              : fmt::format("<p>{}</p>\n", lead) + findings_list(findings, kind, with_fix);
    m_out += "</section>\n";
  }

  // The findings of one kind as a numbered list, each rule's facts in a description list.
  std::string findings_list(const std::vector<const rules::Finding*>& findings, std::string_view kind, bool with_fix) {
    std::string out = fmt::format("<ol class=\"findings list-{}\">\n", kind);
    for (const auto* finding : findings) {
      const rules::Rule& rule = *finding->rule;
      out +=
          fmt::format("<li>\n<p><strong>{}</strong>: {}</p>\n<dl>\n", text::html_escape(rule.title), rule_id(rule.id));
      const auto field = [&out](std::string_view name, const std::string& value) {
        if (!value.empty()) {
          out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, text::html_escape(value));
        }
      };
      out += fmt::format("<dt>Result</dt><dd>{}</dd>\n", tag(finding->outcome));
      field("Strength", strength_label(rule));
      field("Framework", rule.pack != nullptr ? rule.pack->framework : std::string());
      field("What", finding->message);
      for (const auto& citation : rule.citations) {
        field("Why", citation.to_string());
      }
      out += fmt::format("<dt>Where</dt><dd>{}</dd>\n", where_of(*m_service, *finding));
      if (finding->waiver) {
        field("Waiver", rules::waiver_note(*finding));
      }
      if (const auto state = baseline_state(*m_service, *finding); state && with_fix) {
        field("Since", baseline_sentence(*state));
      }
      if (with_fix) {
        field("Fix", rule.fix);
      }
      if (const std::string snippet = attestation_snippet(*m_service, *finding, 80); !snippet.empty()) {
        out += fmt::format("<dt>Fix</dt><dd>{}:<pre><code>{}</code></pre></dd>\n",
                           text::html_escape(upper_first(k_attestation_snippet_intro)), html_text_lines(snippet));
      }
      out += "</dl>\n</li>\n";
    }
    return out + "</ol>\n";
  }

  SectionContext m_context;
  int m_depth = 0;
  std::string m_out;
  const AuditedService* m_service = nullptr;                    // the service being written
  std::string m_prefix;                                         // of its ids, in a register's report
  std::vector<std::pair<std::string, std::string>> m_contents;  // its sections: id, title
};

}  // namespace

FrameParts html_frame(const ReportFrame& frame) {
  SectionContext context;
  context.several = frame.several();
  context.due_within_days = frame.due_within_days;
  context.generated_at = frame.generated_at;
  context.statutory_waivers_allowed = frame.statutory_waivers_allowed;
  HtmlWriter writer(context);
  FrameParts parts;
  parts.before = writer.frame_start(frame);
  parts.after = writer.frame_end(frame);
  return parts;
}

std::string html_section(const AuditedService& service, const SectionContext& context) {
  return HtmlWriter(context).service(summarize(service));
}

}  // namespace ppsaudit::report
