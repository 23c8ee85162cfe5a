// The inspection pack in Markdown, clean under markdownlint's default rules apart from the
// length of headings and table rows, which Markdown cannot wrap. The HTML report renders the
// same sections from the same model, so that the two never disagree.
#include "report/markdown.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/control.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

constexpr std::size_t k_width = 80;

// Columns as markdownlint counts them (UTF-16 code units): one per character, two for a
// character outside the Basic Multilingual Plane.
std::size_t columns(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    width += (byte & 0xc0) == 0x80 ? 0 : (byte >= 0xf0 ? 2 : 1);
  }
  return width;
}

bool is_word_start(std::string_view text, std::size_t i) {
  if (i == 0) {
    return true;
  }
  const auto before = static_cast<unsigned char>(text[i - 1]);
  return !(std::isalnum(before) != 0 || before == '.' || before == '-' || before >= 0x80);
}

bool starts_with_www(std::string_view text, std::size_t i) {
  if (text.size() < i + 4 || !is_word_start(text, i)) {
    return false;
  }
  for (std::size_t k = 0; k < 3; ++k) {
    if (text[i + k] != 'w' && text[i + k] != 'W') {
      return false;
    }
  }
  return text[i + 3] == '.';
}

// A word at the start of a line that Markdown could read as a list marker ("-", "+", "1."),
// a heading underline ("===") or a thematic break ("---") gets its marker escaped.
std::string at_line_start(std::string_view word) {
  if (!word.empty() && (word[0] == '-' || word[0] == '+' || word[0] == '=')) {
    return "\\" + std::string(word);
  }
  std::size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits])) != 0) {
    ++digits;
  }
  if (digits > 0 && digits + 1 == word.size() && (word[digits] == '.' || word[digits] == ')')) {
    return fmt::format("{}\\{}", word.substr(0, digits), word.substr(digits));
  }
  return std::string(word);
}

bool only_spaces(std::string_view text) {
  return text.find_first_not_of(' ') == std::string_view::npos;
}

// A heading must not end in punctuation (markdownlint MD026), but a name may: its last
// character is written as a character reference, which renders the same.
std::string heading(int level, std::string_view text) {
  std::string line = std::string(static_cast<std::size_t>(level), '#') + " " + std::string(text);
  const std::size_t reference = line.rfind('&');
  const bool ends_in_reference =
      line.back() == ';' && reference != std::string::npos &&
      std::all_of(line.begin() + static_cast<std::ptrdiff_t>(reference) + 1, line.end() - 1,
                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '#'; });
  if (!ends_in_reference && std::string_view(".,;:!").find(line.back()) != std::string_view::npos) {
    const auto last = static_cast<unsigned char>(line.back());
    line.pop_back();
    line += fmt::format("&#{};", last);
  }
  return line + "\n";
}

std::string cells(const std::vector<std::string>& row) {
  return fmt::format("| {} |\n", fmt::join(row, " | "));
}

std::string counts_row(std::string label, const OutcomeCounts& counts) {
  std::vector<std::string> row{std::move(label)};
  for (const auto outcome : counted_outcomes()) {
    row.push_back(std::to_string(counts.of(outcome)));
  }
  return cells(row);
}

// One finding as a list item: the rule, then its strength, framework, what, why, where and
// how to fix it (the HTML report's fields, in its order).
std::string finding_item(const AuditedService& service, const rules::Finding& finding, bool with_fix) {
  const rules::Rule& rule = *finding.rule;
  std::string item =
      markdown_wrap("- ", fmt::format("**{}**: {}", markdown_escape(rule.id), markdown_escape(rule.title)), "  ");
  const auto field = [&item](std::string_view name, std::string_view value) {
    if (!value.empty()) {
      item += markdown_wrap(fmt::format("  - {}: ", name), markdown_escape(value), "    ");
    }
  };
  field("Strength", strength_label(rule));
  field("Framework", rule.pack->framework);
  field("What", finding.message);
  for (const auto& citation : rule.citations) {
    field("Why", citation.to_string());
  }
  field("Where", finding.where.to_string());
  if (finding.waiver) {
    field("Waiver", rules::waiver_note(finding));
  }
  if (const auto state = baseline_state(service, finding); state && with_fix) {
    field("Since", baseline_sentence(*state));
  }
  if (with_fix) {
    field("Fix", rule.fix);
  }
  // The YAML to add, as a code block in the item, so that it can be copied as it is; its
  // statement folded to fit the report's width, four columns in.
  if (const std::string snippet = attestation_snippet(service, finding, k_width - 4); !snippet.empty()) {
    field("Fix", fmt::format("{}:", k_attestation_snippet_intro));
    item += "\n    ```yaml\n";  // a fenced block has blank lines around it (markdownlint MD031)
    std::string_view rest = snippet;
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      item += fmt::format("    {}\n", rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    item += "    ```\n";
  }
  return item;
}

class MarkdownWriter {
 public:
  MarkdownWriter(bool several, int due_within_days, bool statutory_waivers_allowed)
      : m_several(several),
        m_due_within_days(due_within_days),
        m_statutory_waivers_allowed(statutory_waivers_allowed) {}

  // The blocks written so far, a blank line between two, and after whatever came before them
  // in the report when `preceded`; then none are left.
  std::string take(bool preceded) {
    std::string out;
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
      out += (i > 0 || preceded ? "\n" : "") + m_blocks[i];
    }
    m_blocks.clear();
    return out;
  }

  void write_frame_start(const ReportFrame& frame) {
    if (m_several) {
      add(heading(1, fmt::format("Inspection summary: {} services", frame.services.size() + frame.broken.size())));
      write_statutory_note();
      write_rollup(frame);
      if (frame.baseline) {
        add(heading(2, "Baseline"));
        write_baseline(*frame.baseline, frame.baseline_entries);
      }
    }
  }

  void write_statutory_note() {
    if (m_statutory_waivers_allowed) {
      add(markdown_wrap("", fmt::format("**Note:** {}", markdown_escape(k_statutory_waivers_note)), ""));
    }
  }

  void write_frame_end(const ReportFrame& frame) {
    for (const auto& broken : frame.broken) {
      write_broken(broken);
    }
  }

 private:
  void add(std::string block) { m_blocks.push_back(std::move(block)); }

  // One row per service and framework, with its counts, practice level and the service's
  // worst result; a file that could not be audited is a row of its own.
  void write_rollup(const ReportFrame& frame) {
    add(heading(2, "Roll-up"));
    add(markdown_wrap(
        "",
        fmt::format("{} service files: {} audited, {} not audited. The worst result is the strongest "
                    "rule not met, or failing that not assessable.",
                    frame.services.size() + frame.broken.size(), frame.services.size(), frame.broken.size()),
        ""));
    std::string table = cells({"Service", "File", "Framework", "Met", "Not met", "Not applicable", "Needs attestation",
                               "Not assessable", "Practice level", "Worst result"});
    table += "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n";
    for (const auto& service : frame.services) {
      const std::string worst = markdown_escape(worst_label(service.worst));
      for (const auto& framework : service.frameworks) {
        std::vector<std::string> row{markdown_escape(service.name), markdown_escape(service.file),
                                     markdown_escape(framework.framework)};
        for (const auto outcome : counted_outcomes()) {
          row.push_back(std::to_string(framework.counts.of(outcome)));
        }
        row.push_back(framework.practice_level.empty() ? std::string("none") : framework.practice_level);
        row.push_back(worst);
        table += cells(row);
      }
    }
    for (const auto& broken : frame.broken) {
      table += cells({"**Not audited**", markdown_escape(broken.file), "none", "\u2014", "\u2014", "\u2014", "\u2014",
                      "\u2014", "none", "error: " + markdown_escape(format_diagnostic(broken.first_error()))});
    }
    add(table);
  }

  // The comparison with the baseline: the counts, then what is new, fixed and absent.
  void write_baseline(const BaselineComparison& comparison, const std::vector<BaselineEntry>& entries) {
    add(markdown_wrap(
        "", fmt::format("Compared with {}: {}.", markdown_escape(comparison.file), baseline_counts(comparison)), ""));
    std::string list;
    for (const auto& entry : entries) {
      list += markdown_wrap(fmt::format("- **{}**: ", token(entry.state)), markdown_escape(entry.text), "  ");
    }
    if (!list.empty()) {
      add(list);
    }
  }

  // A file that could not be audited: its diagnostics, as stderr had them.
  void write_broken(const BrokenFile& broken) {
    add(heading(m_several ? 2 : 1, "Not audited: " + markdown_escape(broken.file)));
    add("The file could not be audited: nothing in it was checked.\n");
    std::string list;
    for (const auto& diagnostic : broken.diagnostics) {
      list += markdown_wrap("- ", markdown_escape(format_diagnostic(diagnostic)), "  ");
    }
    add(list);
  }

  // With several services, every section heading names its service, so that no two
  // headings are the same (markdownlint MD024) and each can be linked to.
  void section(int level, std::string_view title) {
    add(heading(level + m_depth, m_suffix.empty() ? std::string(title) : fmt::format("{} ({})", title, m_suffix)));
  }

 public:
  // One service's section; in a report of one service, with the comparison with the baseline.
  void write_service(const ServiceSummary& summary, const BaselineComparison* baseline) {
    const bool several = m_several;
    m_service = summary.service;
    const rules::ServiceAudit& audit = summary.service->audit;
    const std::string name = markdown_escape(audit.file->name());
    m_depth = several ? 1 : 0;
    m_suffix = several ? name : std::string();
    add(heading(1 + m_depth, several ? name : "Inspection summary: " + name));
    const rules::Profile* profile = summary.service->profile;
    std::string facts = markdown_wrap("- Service file: ", markdown_escape(*audit.file->path), "  ");
    facts += markdown_wrap("- Profile: ", markdown_escape(profile_label(profile)), "  ");
    facts += fmt::format("- Audit date: {}\n", audit.as_of.to_string());
    facts += markdown_wrap(
        "- Results: ",
        fmt::format("{} met, {} not met{}, {} not applicable, {} needing attestation, "
                    "{} not assessable{}",
                    summary.counts.of(Outcome::met), summary.counts.of(Outcome::not_met),
                    waived_suffix(summary.waived, Outcome::not_met), summary.counts.of(Outcome::not_applicable),
                    summary.counts.of(Outcome::needs_attestation), summary.counts.of(Outcome::not_assessable),
                    waived_suffix(summary.waived, Outcome::not_assessable)),
        "  ");
    add(facts);
    if (!m_several) {
      write_statutory_note();
    }
    if (baseline != nullptr) {
      section(2, "Baseline");
      write_baseline(*baseline, baseline_entries(*summary.service, *baseline));
    }
    if (!summary.service->era_notes.empty()) {
      section(2, "Era warnings");
      std::string notes;
      for (const auto& note : summary.service->era_notes) {
        notes += markdown_wrap("- ",
                               fmt::format("**Warning:** {} (at {})", markdown_escape(note.message),
                                           markdown_escape(note.where.to_string())),
                               "  ");
      }
      add(notes);
    }
    if (!summary.service->stale_waivers.empty()) {
      section(2, "Stale waivers");
      std::string stale;
      for (const auto& waiver : summary.service->stale_waivers) {
        stale +=
            markdown_wrap("- ",
                          fmt::format("**Warning:** {} (at {})", markdown_escape(rules::stale_waiver_message(waiver)),
                                      markdown_escape(waiver.where.to_string())),
                          "  ");
      }
      add(stale);
    }
    if (!summary.service->era_conflicts.empty() || !summary.service->readings.empty()) {
      section(2, "Notes");
      std::string notes;
      for (const auto& note : summary.service->era_conflicts) {
        notes += markdown_wrap(
            "- ",
            fmt::format("**Note:** {} (at {})", markdown_escape(note.message), markdown_escape(note.where.to_string())),
            "  ");
      }
      for (const auto& reading : summary.service->readings) {
        std::vector<std::string> values;
        for (const auto& value : reading.values) {
          values.push_back(
              fmt::format("{} at {}", markdown_escape(value.path), markdown_escape(value.where.to_string())));
        }
        notes += markdown_wrap("- ",
                               fmt::format("**Two readings:** {} ({}).", markdown_escape(reading_sentence(reading)),
                                           fmt::join(values, ", ")),
                               "  ");
        for (const auto& change : reading.changes) {
          notes += markdown_wrap("  - ", markdown_escape(change_sentence(change)), "    ");
        }
      }
      add(notes);
    }

    section(2, "Summary by framework");
    for (const auto& framework : summary.frameworks) {
      section(3, markdown_escape(framework.framework));
      if (!framework.practice_level.empty()) {
        add(markdown_wrap("", fmt::format("Practice level reached: {}.", framework.practice_level), ""));
      }
      std::string table = cells({"Area", "Met", "Not met", "Not applicable", "Needs attestation", "Not assessable"});
      table += "| --- | ---: | ---: | ---: | ---: | ---: |\n";
      for (const auto& area : framework.areas) {
        table += counts_row(markdown_escape(area.area), area.counts);
      }
      table += counts_row("**All areas**", framework.counts);
      add(table);
    }

    section(2, "Action list");
    write_findings(summary.with(Outcome::not_met), "Rules not met, by framework, legal duties first within each.",
                   "Every rule that could be checked is met.", true);
    section(2, "Needs evidence");
    write_findings(summary.with(Outcome::not_assessable),
                   "Rules that cannot be assessed until the service file records this.",
                   "Nothing: every rule had the evidence it needs.", true);
    section(2, "Needs attestation");
    write_findings(summary.with(Outcome::needs_attestation),
                   "Rules that a person must confirm, with when they last did.", "Nothing needs attestation.", false);

    section(2, fmt::format("Falls due within {} days of {}", m_due_within_days, audit.as_of.to_string()));
    if (summary.service->upcoming.empty()) {
      add("Nothing falls due.\n");
    } else {
      std::string list;
      for (const auto& deadline : summary.service->upcoming) {
        list += markdown_wrap(fmt::format("- {}: ", deadline.due.to_string()),
                              markdown_escape(fmt::format("{} ({})", deadline.what, deadline.where.to_string())), "  ");
      }
      add(list);
    }

    section(2, "Met and not applicable");
    std::vector<std::string> met;
    for (const auto* finding : summary.with(Outcome::met)) {
      const bool fixed = baseline_state(*summary.service, *finding) == BaselineState::fixed;
      met.push_back(markdown_escape(finding->rule->id) + (fixed ? " (fixed)" : ""));
    }
    std::string list = markdown_wrap(fmt::format("- Met ({}): ", met.size()),
                                     met.empty() ? std::string("none") : fmt::format("{}", fmt::join(met, ", ")), "  ");
    const auto not_applicable = summary.with(Outcome::not_applicable);
    list += fmt::format("- Not applicable ({}){}\n", not_applicable.size(), not_applicable.empty() ? ": none" : ":");
    for (const auto* finding : not_applicable) {
      list += markdown_wrap(fmt::format("  - {}: ", markdown_escape(finding->rule->id)),
                            markdown_escape(finding->message), "    ");
    }
    add(list);
  }

 private:
  void write_findings(const std::vector<const rules::Finding*>& findings, std::string_view lead, std::string_view none,
                      bool with_fix) {
    if (findings.empty()) {
      add(std::string(none) + "\n");
      return;
    }
    add(std::string(lead) + "\n");
    std::string list;
    for (const auto* finding : findings) {
      if (list.ends_with("```\n")) {
        list += '\n';  // after an item that ends in a fenced block
      }
      list += finding_item(*m_service, *finding, with_fix);
    }
    add(list);
  }

  bool m_several;
  int m_due_within_days;
  bool m_statutory_waivers_allowed = false;  // --allow-statutory-waivers: said near the top
  std::vector<std::string> m_blocks;
  const AuditedService* m_service = nullptr;  // the service being written
  int m_depth = 0;
  std::string m_suffix;
};

}  // namespace

FrameParts markdown_frame(const ReportFrame& frame) {
  MarkdownWriter writer(frame.several(), frame.due_within_days, frame.statutory_waivers_allowed);
  writer.write_frame_start(frame);
  FrameParts parts;
  parts.before = writer.take(false);
  const bool opened = !parts.before.empty();
  if (opened && !frame.services.empty()) {
    parts.before += "\n";  // the blank line before the first service's section
  }
  writer.write_frame_end(frame);
  parts.after = writer.take(opened || !frame.services.empty());
  return parts;
}

std::string markdown_section(const AuditedService& service, const SectionContext& context) {
  MarkdownWriter writer(context.several, context.due_within_days, context.statutory_waivers_allowed);
  writer.write_service(summarize(service), context.baseline);
  return writer.take(false);
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (const auto control = text::control_at(text, i)) {
      // Doubled, so that Markdown shows the backslash of "\x1b" rather than reading an escape.
      out += text::control_escape(control->code_point, text::Backslash::doubled);
      i += control->length - 1;
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (std::string_view("\\`*_[]#|~$@").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (c == ':' && text.substr(i + 1, 2) == "//") {
      out += "\\:";  // not a bare URL, which markdownlint MD034 rejects and a renderer would link
    } else if (starts_with_www(text, i)) {
      out += text.substr(i, 3);
      out += "\\.";
      i += 3;
    } else {
      out += c;
    }
  }
  return out;
}

std::string markdown_wrap(std::string_view prefix, std::string_view text, std::string_view indent) {
  std::string out(prefix);
  std::size_t width = columns(prefix);
  bool line_has_word = false;
  bool at_start = only_spaces(prefix);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    if (line_has_word && width + 1 + columns(word) > k_width) {
      out += "\n";
      out += indent;
      width = columns(indent);
      line_has_word = false;
      at_start = only_spaces(indent);
    }
    const std::string placed = at_start && !line_has_word ? at_line_start(word) : std::string(word);
    if (line_has_word) {
      out += ' ';
      ++width;
    }
    out += placed;
    width += columns(placed);
    line_has_word = true;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();  // a trailing space is a hard line break in Markdown (markdownlint MD009)
  }
  return out + "\n";
}

}  // namespace ppsaudit::report
