// The comparison as one self-contained, accessible HTML5 page: the Markdown comparison's
// sections from the same model. Inline CSS only: no script, and nothing the page loads.
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/compare.hpp"
#include "report/labels.hpp"
#include "text/markup.hpp"

namespace ppsaudit::report {

namespace {

using text::html_escape;

constexpr std::string_view k_style = R"(
body { margin: 0; color: #1b1b1b; background: #fff; font: 1rem/1.5 system-ui, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #505a5f; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
thead th { background: #f3f2f1; overflow-wrap: normal; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
ol.rules > li { margin: 0 0 1rem; padding-left: 0.75rem; border-left: 4px solid #505a5f; }
ol.rules p { margin: 0 0 0.25rem; }
ol.rules dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
ol.rules dt { grid-column: 1; font-weight: bold; }
ol.rules dd { grid-column: 2; margin: 0; overflow-wrap: anywhere; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
)";

std::string service_facts(std::string_view side, const AuditedService& service) {
  std::string out =
      fmt::format("<h2>{0}: {1}</h2>\n<dl>\n<dt>Service file</dt><dd>{2}</dd>\n<dt>Profile</dt><dd>{3}</dd>\n</dl>\n",
                  side, html_escape(service.audit.file->name()), html_escape(*service.audit.file->path),
                  html_escape(profile_label(service.profile)));
  if (!service.era_notes.empty() || !service.era_conflicts.empty() || !service.readings.empty()) {
    out += "<ul>\n";
    for (const auto& note : service.era_notes) {
      out += fmt::format("<li><strong>Warning:</strong> {} (at <code>{}</code>)</li>\n", html_escape(note.message),
                         html_escape(note.where.to_string()));
    }
    for (const auto& note : service.era_conflicts) {
      out += fmt::format("<li><strong>Note:</strong> {} (at <code>{}</code>)</li>\n", html_escape(note.message),
                         html_escape(note.where.to_string()));
    }
    for (const auto& reading : service.readings) {
      std::vector<std::string> values;
      for (const auto& value : reading.values) {
        values.push_back(
            fmt::format("{} at <code>{}</code>", html_escape(value.path), html_escape(value.where.to_string())));
      }
      out += fmt::format("<li><strong>Two readings:</strong> {} ({}).", html_escape(reading_sentence(reading)),
                         fmt::join(values, ", "));
      if (!reading.changes.empty()) {
        out += "\n<ul>\n";
        for (const auto& change : reading.changes) {
          out += fmt::format("<li>{}</li>\n", html_escape(change_sentence(change)));
        }
        out += "</ul>\n";
      }
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  return out;
}

std::string framework_row(const std::string& name, std::string_view side,
                          const std::optional<FrameworkSummary>& framework) {
  std::string out = fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", name, side);
  for (const auto outcome : counted_outcomes()) {
    out += fmt::format(R"(<td class="number">{}</td>)",
                       framework ? std::to_string(framework->counts.of(outcome)) : std::string("-"));
  }
  out += fmt::format("<td>{}</td></tr>\n", !framework ? std::string("no rule of this framework")
                                           : framework->practice_level.empty() ? std::string("-")
                                                                               : framework->practice_level);
  return out;
}

std::string side_fields(std::string_view side, const rules::Finding& finding) {
  std::string text(rules::to_string(finding.outcome));
  if (!finding.message.empty()) {
    text += ": " + finding.message;
  }
  return fmt::format("<dt>{}</dt><dd>{} (at <code>{}</code>){}</dd>\n", side, html_escape(text),
                     html_escape(finding.where.to_string()),
                     finding.waiver ? "; " + html_escape(rules::waiver_note(finding)) : std::string());
}

std::string rules_section(std::string_view heading, std::string_view lead, const std::vector<ComparedRule>& list) {
  std::string out = fmt::format("<h2>{}</h2>\n<p>{} ({}).</p>\n", heading, lead, list.size());
  if (list.empty()) {
    return out;
  }
  out += "<ol class=\"rules\">\n";
  for (const auto& compared : list) {
    const rules::Rule& rule = *compared.rule;
    out += fmt::format("<li>\n<p><strong>{}</strong> ({}): {}</p>\n<dl>\n", html_escape(rule.id),
                       html_escape(strength_label(rule)), html_escape(rule.title));
    if (compared.a != nullptr) {
      out += side_fields("A", *compared.a);
    }
    if (compared.b != nullptr) {
      out += side_fields("B", *compared.b);
    }
    out += "</dl>\n</li>\n";
  }
  return out + "</ol>\n";
}

}  // namespace

std::string write_compare_html(const Comparison& comparison) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Comparison: {0} and {1}</title>\n<style>{2}</style>\n</head>\n<body>\n<main>\n"
      "<h1>Comparison: {0} and {1}</h1>\n<p>Audit date: <time datetime=\"{3}\">{3}</time>.</p>\n",
      html_escape(comparison.a->audit.file->name()), html_escape(comparison.b->audit.file->name()), k_style,
      comparison.a->audit.as_of.to_string());
  if (comparison.statutory_waivers_allowed) {
    out += fmt::format("<p><strong>Note:</strong> {}</p>\n", html_escape(k_statutory_waivers_note));
  }
  out += service_facts("A", *comparison.a);
  out += service_facts("B", *comparison.b);
  if (!comparison.era_directions.empty()) {
    out += "<h2>Across eras</h2>\n<ul>\n";
    for (const auto& direction : comparison.era_directions) {
      out += fmt::format("<li>{} (A at <code>{}</code>; B at <code>{}</code>)</li>\n", html_escape(direction.message),
                         html_escape(direction.a.to_string()), html_escape(direction.b.to_string()));
    }
    out += "</ul>\n";
  }
  out +=
      "<h2>Summary by framework</h2>\n<table>\n<caption>Results by framework, side by side</caption>\n"
      "<thead><tr><th scope=\"col\">Framework</th><th scope=\"col\">Side</th><th scope=\"col\">Met</th>"
      "<th scope=\"col\">Not met</th><th scope=\"col\">Not applicable</th><th scope=\"col\">Needs attestation</th>"
      "<th scope=\"col\">Not assessable</th><th scope=\"col\">Practice level</th></tr></thead>\n<tbody>\n";
  for (const auto& framework : comparison.frameworks) {
    const std::string name = html_escape(framework.framework);
    out += framework_row(name, "A", framework.a);
    out += framework_row(name, "B", framework.b);
  }
  out += "</tbody>\n</table>\n";
  out += rules_section("Differences", "Rules both services have, with different results", comparison.differences);
  out += rules_section("Agreements", "Rules both services have, with the same result", comparison.agreements);
  out += rules_section("Only A has it",
                       "Rules of A that are not among B&#39;s rules (its own local packs, or its profile)",
                       comparison.only_a);
  out += rules_section("Only B has it",
                       "Rules of B that are not among A&#39;s rules (its own local packs, or its profile)",
                       comparison.only_b);
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace ppsaudit::report
