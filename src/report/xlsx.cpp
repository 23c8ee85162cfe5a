// The self-assessment workbook (xlsx), the domain's own habit (domain.md §8): a Summary sheet,
// then one sheet per framework with a row per rule, its RAG rating in words and colour, the
// evidence found, what to do, and blank Owner / Target date / Notes columns for the manager.
// The Summary's counts are COUNTIF formulas over each sheet's RAG column, so that a manager's
// edits update them, with the audit's counts stored as their results for readers that do not
// recalculate. Written with libxlsxwriter, which writes only to a file name; the workbook is
// the same bytes for the same audit (its creation time is the audit date).
#include <algorithm>
#include <array>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "report/formats.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "report/xlsx.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

// How a result reads and looks in the RAG column: the word is always written, so the colour
// never carries the meaning alone.
struct RagStyle {
  Outcome outcome;
  std::string_view word;
  lxw_color_t fill;
  lxw_color_t font;
};

constexpr std::array<RagStyle, 5> k_rag_styles{{
    {Outcome::met, "Met", 0xC6EFCE, 0x006100},                              // green
    {Outcome::not_met, "Not met", 0xFFC7CE, 0x9C0006},                      // red
    {Outcome::not_applicable, "Not applicable", 0xD9D9D9, 0x3F3F3F},        // grey
    {Outcome::needs_attestation, "Needs attestation", 0xFFEB9C, 0x9C5700},  // amber
    {Outcome::not_assessable, "Not assessable", 0xFFEB9C, 0x9C5700},        // amber
}};

std::size_t rag_index(Outcome outcome) {
  return static_cast<std::size_t>(std::find_if(k_rag_styles.begin(), k_rag_styles.end(),
                                               [outcome](const RagStyle& style) { return style.outcome == outcome; }) -
                                  k_rag_styles.begin());
}

const RagStyle& rag_style(Outcome outcome) {
  return k_rag_styles.at(rag_index(outcome));
}

// A framework sheet's columns, in order; the RAG column is the one the Summary counts.
struct Column {
  std::string_view heading;
  double width;
};
constexpr std::array<Column, 11> k_columns{{
    {"Reference", 30},
    {"Citation", 34},
    {"Criterion", 40},
    {"Area", 16},
    {"Strength", 16},
    {"RAG", 17},
    {"Evidence found", 44},
    {"What to do", 44},
    {"Owner", 14},
    {"Target date", 12},
    {"Notes", 30},
}};
constexpr lxw_col_t k_rag_column = 5;
constexpr std::string_view k_rag_letter = "F";
// The Waiver column, whose note starts "waived" only for a waiver in force.
constexpr std::string_view k_waiver_letter = "K";

constexpr std::size_t k_sheet_name_max = 31;  // Excel's limit, in characters
constexpr std::size_t k_cell_max = 32767;     // Excel's limit, in characters
constexpr uint8_t k_paper_a4 = 9;

// The first libxlsxwriter error of the workbook's making: every call's result passes through
// here, so none is ignored.
class Errors {
 public:
  void check(lxw_error error, std::string_view doing) {
    if (error != LXW_NO_ERROR && m_first.empty()) {
      m_first = fmt::format("{}: {}", doing, lxw_strerror(error));
    }
  }
  [[nodiscard]] const std::string& first() const { return m_first; }

 private:
  std::string m_first;
};

std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// The first `count` characters of `utf8`.
std::string first_characters(std::string_view utf8, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) != 0x80U && seen++ == count) {
      return std::string(utf8.substr(0, i));
    }
  }
  return std::string(utf8);
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" '");
  if (first == std::string_view::npos) {
    return {};
  }
  return std::string(text.substr(first, text.find_last_not_of(" '") - first + 1));
}

}  // namespace

std::string sheet_name(std::string_view framework, std::vector<std::string>& taken) {
  std::string name;
  for (const char c : framework) {
    const bool control = static_cast<unsigned char>(c) < 0x20;
    name += std::string_view("[]:*?/\\").find(c) != std::string_view::npos || control ? '-' : c;
  }
  name = trimmed(first_characters(trimmed(name), k_sheet_name_max));
  if (name.empty()) {
    name = "Framework";
  }
  const auto is_taken = [&taken](const std::string& candidate) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const std::string& other) { return lower_ascii(other) == lower_ascii(candidate); });
  };
  std::string unique = name;
  for (int n = 2; is_taken(unique); ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    unique = trimmed(first_characters(name, k_sheet_name_max - characters(suffix))) + suffix;
  }
  taken.push_back(unique);
  return unique;
}

namespace {

// A sheet name as a formula refers to it: quoted, its apostrophes doubled.
std::string quoted_sheet(std::string_view name) {
  std::string out = "'";
  for (const char c : name) {
    out += c == '\'' ? "''" : std::string(1, c);
  }
  return out + "'";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

// What the audit found for the rule: its message, then the records it looked at ("where"),
// by their evidence paths, with the service file's line as a secondary detail.
std::string evidence_found(const rules::Finding& finding) {
  std::vector<std::string> parts;
  if (!finding.message.empty()) {
    parts.push_back(finding.message);
  }
  const auto& paths = !finding.elements.empty() ? finding.elements : finding.rule->evidence;
  if (!paths.empty() && finding.outcome != Outcome::not_applicable) {
    parts.push_back(finding.where.line > 0 ? fmt::format("Where: {} (line {})", joined(paths, ", "), finding.where.line)
                                           : fmt::format("Where: {}", joined(paths, ", ")));
  }
  return joined(parts, "\n");
}

// What the manager does about it: the rule's fix for a rule not met or not assessable, the
// statement to attest for one that needs attestation; nothing for the rest.
std::string what_to_do(const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  switch (finding.outcome) {
    case Outcome::not_met:
    case Outcome::not_assessable:
      return rule.fix;
    case Outcome::needs_attestation:
      if (rule.attestation) {
        return fmt::format("Attest, in 'attestations': {}", rule.attestation->statement);
      }
      return rule.fix;
    case Outcome::met:
    case Outcome::not_applicable:
      break;
  }
  return {};
}

std::string citations_text(const rules::Rule& rule) {
  std::vector<std::string> items;
  for (const auto& citation : rule.citations) {
    items.push_back(citation.to_string() + std::string(legal_duty_note(rule, citation)));
  }
  return joined(items, "\n");
}

// The audit date, midnight UTC, as the workbook's creation time: a rerun of the same audit
// gives the same bytes.
std::time_t creation_time(const Date& as_of) {
  constexpr std::time_t k_seconds_per_day = 86400;
  const std::time_t midnight = static_cast<std::time_t>(as_of.days_since_1970()) * k_seconds_per_day;
  return midnight != 0 ? midnight : 1;  // 0 would be "now" to libxlsxwriter
}

class WorkbookWriter {
 public:
  WorkbookWriter(lxw_workbook* workbook, Errors& errors) : m_workbook(workbook), m_errors(errors) {
    m_heading = workbook_add_format(workbook);
    format_set_bold(m_heading);
    format_set_text_wrap(m_heading);
    format_set_align(m_heading, LXW_ALIGN_VERTICAL_TOP);
    format_set_pattern(m_heading, LXW_PATTERN_SOLID);
    format_set_bg_color(m_heading, 0xF3F2F1);
    format_set_border(m_heading, LXW_BORDER_THIN);
    m_title = workbook_add_format(workbook);
    format_set_bold(m_title);
    format_set_font_size(m_title, 14);
    m_label = workbook_add_format(workbook);
    format_set_bold(m_label);
    format_set_align(m_label, LXW_ALIGN_VERTICAL_TOP);
    m_cell = workbook_add_format(workbook);
    format_set_text_wrap(m_cell);
    format_set_align(m_cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(m_cell, LXW_BORDER_THIN);
    m_number = workbook_add_format(workbook);
    format_set_border(m_number, LXW_BORDER_THIN);
    m_total = workbook_add_format(workbook);
    format_set_bold(m_total);
    format_set_border(m_total, LXW_BORDER_THIN);
    for (std::size_t i = 0; i < k_rag_styles.size(); ++i) {
      lxw_format* rag = workbook_add_format(workbook);
      format_set_bold(rag);
      format_set_align(rag, LXW_ALIGN_VERTICAL_TOP);
      format_set_pattern(rag, LXW_PATTERN_SOLID);
      format_set_bg_color(rag, k_rag_styles[i].fill);
      format_set_font_color(rag, k_rag_styles[i].font);
      format_set_border(rag, LXW_BORDER_THIN);
      m_rag[i] = rag;
    }
  }

  void write(const AuditedService& audited, bool statutory_waivers_allowed) {
    m_statutory_waivers_allowed = statutory_waivers_allowed;
    const ServiceSummary summary = summarize(audited);
    lxw_worksheet* front = add_sheet("Summary");
    std::vector<std::string> taken{"Summary", "History"};  // "History" is reserved by Excel
    std::vector<std::string> names;
    for (const auto& framework : summary.frameworks) {
      names.push_back(sheet_name(framework.framework, taken));
    }
    if (front != nullptr) {
      write_summary(front, summary, names);
    }
    for (std::size_t i = 0; i < summary.frameworks.size(); ++i) {
      if (lxw_worksheet* sheet = add_sheet(names[i]); sheet != nullptr) {
        write_framework(sheet, summary.frameworks[i]);
      }
    }
  }

 private:
  lxw_worksheet* add_sheet(const std::string& name) {
    m_errors.check(workbook_validate_sheet_name(m_workbook, name.c_str()), fmt::format("sheet '{}'", name));
    lxw_worksheet* sheet = workbook_add_worksheet(m_workbook, name.c_str());
    if (sheet == nullptr) {
      m_errors.check(LXW_ERROR_MEMORY_MALLOC_FAILED, fmt::format("sheet '{}'", name));
      return nullptr;
    }
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, k_paper_a4);
    worksheet_fit_to_pages(sheet, 1, 0);
    m_errors.check(worksheet_repeat_rows(sheet, 0, 0), "print titles");
    worksheet_set_footer(sheet, "&L&A&RPage &P of &N");
    return sheet;
  }

  void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
    if (value.empty()) {
      m_errors.check(worksheet_write_blank(sheet, row, col, format), "a cell");
      return;
    }
    // A cell holds at most 32,767 characters: a longer value is cut, with an ellipsis.
    const std::string owned =
        characters(value) <= k_cell_max ? std::string(value) : first_characters(value, k_cell_max - 1) + "\u2026";
    m_errors.check(worksheet_write_string(sheet, row, col, owned.c_str(), format), "a cell");
  }

  void formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text_of, int value,
               lxw_format* format) {
    m_errors.check(worksheet_write_formula_num(sheet, row, col, text_of.c_str(), format, value), "a formula");
  }

  void column_widths(lxw_worksheet* sheet, const std::vector<double>& widths) {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      m_errors.check(worksheet_set_column(sheet, col, col, widths[i], nullptr), "a column");
    }
  }

  void write_framework(lxw_worksheet* sheet, const FrameworkSummary& framework) {
    std::vector<double> widths;
    for (std::size_t col = 0; col < k_columns.size(); ++col) {
      text(sheet, 0, static_cast<lxw_col_t>(col), k_columns[col].heading, m_heading);
      widths.push_back(k_columns[col].width);
    }
    column_widths(sheet, widths);
    lxw_row_t row = 1;
    for (const auto* finding : framework.findings) {
      const rules::Rule& rule = *finding->rule;
      const std::array<std::string, k_columns.size()> cells{rule.id,
                                                            citations_text(rule),
                                                            rule.title,
                                                            rule.area,
                                                            strength_label(rule),
                                                            std::string(rag_style(finding->outcome).word),
                                                            evidence_found(*finding),
                                                            what_to_do(*finding),
                                                            {},
                                                            {},
                                                            rules::waiver_note(*finding)};
      for (std::size_t col = 0; col < cells.size(); ++col) {
        text(sheet, row, static_cast<lxw_col_t>(col), cells[col],
             col == k_rag_column ? m_rag.at(rag_index(finding->outcome)) : m_cell);
      }
      ++row;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    m_errors.check(worksheet_autofilter(sheet, 0, 0, row - 1, static_cast<lxw_col_t>(k_columns.size() - 1)),
                   "the filter");
  }

  void write_summary(lxw_worksheet* sheet, const ServiceSummary& summary, const std::vector<std::string>& names) {
    const rules::ServiceAudit& audit = summary.service->audit;
    column_widths(sheet, {40, 30, 9, 9, 9, 11, 11, 9, 24, 9});
    text(sheet, 0, 0, "Self-assessment", m_title);
    std::vector<std::pair<std::string_view, std::string>> facts{
        {"Service", audit.file->name()},
        {"Service id", audit.file->id()},
        {"Service file", *audit.file->path},
        {"Audit date", audit.as_of.to_string()},
        {"Profile", profile_label(summary.service->profile)},
        {"Produced by", fmt::format("ppsaudit {}", PPSAUDIT_VERSION)},
    };
    // With --allow-statutory-waivers, said among the facts at the top.
    if (m_statutory_waivers_allowed) {
      facts.emplace_back("Note", std::string(k_statutory_waivers_note));
    }
    lxw_row_t row = 2;
    for (const auto& [label, value] : facts) {
      text(sheet, row, 0, label, m_label);
      text(sheet, row, 1, value, nullptr);
      ++row;
    }
    ++row;
    const lxw_row_t head = row;
    const lxw_row_t first = head + 1;
    text(sheet, head, 0, "Framework", m_heading);
    text(sheet, head, 1, "Sheet", m_heading);
    lxw_col_t col = 2;
    for (const auto outcome : counted_outcomes()) {
      text(sheet, head, col++, rag_style(outcome).word, m_rag.at(rag_index(outcome)));
    }
    const lxw_col_t total_col = col;
    text(sheet, head, total_col, "Total", m_heading);
    text(sheet, head, total_col + 1, "Practice level", m_heading);
    text(sheet, head, total_col + 2, "Waived", m_heading);
    row = first;
    for (std::size_t i = 0; i < summary.frameworks.size(); ++i) {
      const FrameworkSummary& framework = summary.frameworks[i];
      text(sheet, row, 0, framework.framework, m_cell);
      text(sheet, row, 1, names[i], m_cell);
      col = 2;
      for (const auto outcome : counted_outcomes()) {
        formula(sheet, row, col++,
                fmt::format("=COUNTIF({}!${}:${},\"{}\")", quoted_sheet(names[i]), k_rag_letter, k_rag_letter,
                            rag_style(outcome).word),
                framework.counts.of(outcome), m_number);
      }
      formula(sheet, row, total_col, fmt::format("=SUM(C{0}:G{0})", row + 1), framework.counts.total(), m_total);
      text(sheet, row, total_col + 1, framework.practice_level.empty() ? "none" : framework.practice_level, m_cell);
      // Results under a waiver in force, counted under their result too.
      formula(sheet, row, total_col + 2,
              fmt::format("=COUNTIF({}!${}:${},\"waived*\")", quoted_sheet(names[i]), k_waiver_letter, k_waiver_letter),
              framework.waived.total(), m_number);
      ++row;
    }
    text(sheet, row, 0, "All frameworks", m_total);
    text(sheet, row, 1, "", m_cell);
    const std::string_view letters = "CDEFGH";
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const int value =
          i < counted_outcomes().size() ? summary.counts.of(counted_outcomes()[i]) : summary.counts.total();
      formula(sheet, row, static_cast<lxw_col_t>(2 + i),
              fmt::format("=SUM({0}{1}:{0}{2})", letters[i], first + 1, std::max(first + 1, row)), value, m_total);
    }
    text(sheet, row, total_col + 1, "", m_cell);
    formula(sheet, row, total_col + 2, fmt::format("=SUM(J{}:J{})", first + 1, std::max(first + 1, row)),
            summary.waived.total(), m_total);
    row += 2;
    text(sheet, row++, 0,
         "The counts are formulas over each framework sheet's RAG column: change a result there and they follow. "
         "Waived counts the results under a waiver in force (Waiver column), each also counted under its RAG. "
         "The practice level is the audit's.",
         nullptr);
    for (const auto& note : summary.service->era_notes) {
      text(sheet, row, 0, "Warning", m_label);
      text(sheet, row++, 1, note.message, nullptr);
    }
    for (const auto& waiver : summary.service->stale_waivers) {
      text(sheet, row, 0, "Warning", m_label);
      text(sheet, row++, 1, rules::stale_waiver_message(waiver), nullptr);
    }
    for (const auto& note : summary.service->era_conflicts) {
      text(sheet, row, 0, "Note", m_label);
      text(sheet, row++, 1, note.message, nullptr);
    }
    worksheet_freeze_panes(sheet, first, 0);
  }

  lxw_workbook* m_workbook;
  Errors& m_errors;
  bool m_statutory_waivers_allowed = false;
  lxw_format* m_heading = nullptr;
  lxw_format* m_title = nullptr;
  lxw_format* m_label = nullptr;
  lxw_format* m_cell = nullptr;
  lxw_format* m_number = nullptr;
  lxw_format* m_total = nullptr;
  std::array<lxw_format*, k_rag_styles.size()> m_rag{};
};

}  // namespace

std::string xlsx_workbook(const Report& report, const std::string& path, const std::string& temporary_folder) {
  if (report.services.size() != 1) {
    return "a workbook is one service's self-assessment";
  }
  const AuditedService& audited = report.services.front();
  std::string folder = temporary_folder;
  lxw_workbook_options options{};
  options.tmpdir = folder.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) {
    return "cannot start the workbook: out of memory";
  }
  Errors errors;
  std::string title = fmt::format("Self-assessment: {}", audited.audit.file->name());
  std::string creator = "ppsaudit";
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = creator.data();
  properties.created = creation_time(audited.audit.as_of);
  errors.check(workbook_set_properties(workbook, &properties), "the workbook's properties");
  WorkbookWriter(workbook, errors).write(audited, report.statutory_waivers_allowed);
  // Closing writes the file, and frees the workbook even when something failed before.
  errors.check(workbook_close(workbook), "writing the workbook");
  return errors.first();
}

}  // namespace ppsaudit::report
