#include "report/model.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "text/utf8.hpp"
#include "text/width.hpp"

namespace ppsaudit::report {

using rules::Finding;
using rules::Outcome;

OutcomeCounts& OutcomeCounts::operator+=(const OutcomeCounts& other) {
  for (std::size_t i = 0; i < m_counts.size(); ++i) {
    m_counts[i] += other.m_counts[i];
  }
  return *this;
}

int OutcomeCounts::total() const {
  return std::accumulate(m_counts.begin(), m_counts.end(), 0);
}

const std::array<Outcome, 5>& counted_outcomes() {
  static constexpr std::array<Outcome, 5> k_outcomes{Outcome::met, Outcome::not_met, Outcome::not_applicable,
                                                     Outcome::needs_attestation, Outcome::not_assessable};
  return k_outcomes;
}

namespace {

// The position of `value` in `seen`, appending it when it is new: an order of first appearance.
template <typename T, typename Key>
std::size_t first_appearance(std::vector<T>& seen, const Key& value) {
  const auto found = std::find(seen.begin(), seen.end(), value);
  if (found != seen.end()) {
    return static_cast<std::size_t>(found - seen.begin());
  }
  seen.push_back(value);
  return seen.size() - 1;
}

}  // namespace

ServiceSummary summarize(const AuditedService& service) {
  ServiceSummary summary;
  summary.service = &service;

  // Group by framework (order of first application) and note each area's first appearance.
  std::vector<std::string> framework_names;
  std::vector<std::vector<std::string>> area_names;
  for (const auto& finding : service.audit.findings) {
    const std::size_t framework = first_appearance(framework_names, finding.rule->pack->framework);
    if (framework == summary.frameworks.size()) {
      summary.frameworks.push_back({finding.rule->pack->framework, {}, {}, {}, {}, {}});
      area_names.emplace_back();
    }
    FrameworkSummary& group = summary.frameworks[framework];
    const std::size_t area = first_appearance(area_names[framework], finding.rule->area);
    if (area == group.areas.size()) {
      group.areas.push_back({finding.rule->area, {}});
    }
    group.areas[area].counts.add(finding.outcome);
    group.counts.add(finding.outcome);
    summary.counts.add(finding.outcome);
    if (rules::is_waived(finding)) {
      group.waived.add(finding.outcome);
      summary.waived.add(finding.outcome);
    }
    group.findings.push_back(&finding);
  }

  // Within a framework: strongest first, then area, then the order applied (a stable sort).
  for (std::size_t i = 0; i < summary.frameworks.size(); ++i) {
    FrameworkSummary& group = summary.frameworks[i];
    const auto& areas = area_names[i];
    const auto area_rank = [&areas](const Finding* finding) {
      return std::find(areas.begin(), areas.end(), finding->rule->area) - areas.begin();
    };
    std::stable_sort(group.findings.begin(), group.findings.end(), [&](const Finding* a, const Finding* b) {
      if (a->rule->strength != b->rule->strength) {
        return a->rule->strength < b->rule->strength;
      }
      return area_rank(a) < area_rank(b);
    });
    group.practice_level = practice_level_reached(group.findings);
    summary.findings.insert(summary.findings.end(), group.findings.begin(), group.findings.end());
  }
  return summary;
}

std::vector<const Finding*> with_outcome(const std::vector<const Finding*>& findings, Outcome outcome) {
  std::vector<const Finding*> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [outcome](const Finding* finding) { return finding->outcome == outcome; });
  return out;
}

std::vector<const Finding*> ServiceSummary::with(Outcome outcome) const {
  return with_outcome(findings, outcome);
}

namespace {

// A rule's practice level: the one its source gives, or for a standard with one level only (the
// 2018 Minimum Standards, whose rules are all minimum_standard), that level.
std::string_view practice_level_of(const rules::Rule& rule) {
  if (!rule.level.empty()) {
    return rule.level;
  }
  return rule.strength == rules::Strength::minimum_standard ? std::string_view("minimum_standard") : std::string_view();
}

}  // namespace

std::string practice_level_reached(const std::vector<const Finding*>& findings) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_levels{{
      {"minimum_standard", "minimum standard"},
      {"good_practice", "good practice"},
      {"best_practice", "best practice"},
  }};
  // A level is reached when it has rules and they, and every lower level's, are all met; a
  // level without rules cannot be shown, so nothing above it is claimed.
  std::string reached;
  for (const auto& [level, name] : k_levels) {
    int rules_at_level = 0;
    bool all_met = true;
    for (const auto* finding : findings) {
      if (finding->outside_era) {
        continue;  // a level cannot be shown by rules that did not apply on the audit date
      }
      if (practice_level_of(*finding->rule) == level) {
        ++rules_at_level;
        all_met = all_met && (finding->outcome == Outcome::met || finding->outcome == Outcome::not_applicable);
      }
    }
    if (rules_at_level == 0) {
      return level == k_levels.front().first ? std::string() : reached;
    }
    if (!all_met) {
      return reached.empty() ? std::string("below the minimum standard") : reached;
    }
    reached = std::string(name);
  }
  return reached;
}

const Diagnostic& BrokenFile::first_error() const {
  // An error located in the file itself first (a local pack that cannot be read is reported
  // unlocated, then at the line that names it), then any error.
  const auto in_file = std::find_if(diagnostics.begin(), diagnostics.end(), [this](const Diagnostic& item) {
    return item.severity == Severity::error && item.where.file_name() == file;
  });
  if (in_file != diagnostics.end()) {
    return *in_file;
  }
  const auto found = std::find_if(diagnostics.begin(), diagnostics.end(),
                                  [](const Diagnostic& item) { return item.severity == Severity::error; });
  return found != diagnostics.end() ? *found : diagnostics.front();
}

std::string waived_suffix(const OutcomeCounts& waived, rules::Outcome outcome) {
  return waived.of(outcome) > 0 ? fmt::format(" ({} waived)", waived.of(outcome)) : std::string();
}

bool has_rollup(const Report& report) {
  return report.services.size() + report.broken.size() > 1;
}

const Finding* worst_finding(const ServiceSummary& summary) {
  const Finding* worst = nullptr;
  for (const auto* finding : summary.findings) {
    if ((finding->outcome != Outcome::not_met && finding->outcome != Outcome::not_assessable) ||
        rules::is_waived(*finding)) {
      continue;
    }
    if (worst == nullptr || finding->rule->strength < worst->rule->strength ||
        (finding->rule->strength == worst->rule->strength && finding->outcome == Outcome::not_met &&
         worst->outcome != Outcome::not_met)) {
      worst = finding;
    }
  }
  return worst;
}

std::vector<const Finding*> top_actions(const ServiceSummary& summary) {
  const auto group = [](const Finding& finding) {
    const bool legal = rules::states_legal_duty(*finding.rule);
    if (legal) {
      return finding.outcome == Outcome::not_met ? 0 : 1;
    }
    return 2;
  };
  std::vector<const Finding*> actions;
  for (const Finding* finding : summary.findings) {
    const bool open = (finding->outcome == Outcome::not_met || finding->outcome == Outcome::not_assessable) &&
                      !rules::is_waived(*finding);
    if (open && (finding->outcome == Outcome::not_met || group(*finding) < 2)) {
      actions.push_back(finding);
    }
  }
  std::stable_sort(actions.begin(), actions.end(), [&](const Finding* a, const Finding* b) {
    return std::pair(group(*a), static_cast<int>(a->rule->strength)) <
           std::pair(group(*b), static_cast<int>(b->rule->strength));
  });
  return actions;
}

std::optional<WorstResult> worst_result(const ServiceSummary& summary) {
  const Finding* worst = worst_finding(summary);
  if (worst == nullptr) {
    return std::nullopt;
  }
  return WorstResult{worst->rule->id, worst->outcome, worst->rule->strength};
}

std::string worst_label(const std::optional<WorstResult>& worst) {
  if (!worst) {
    return "none";
  }
  return std::string(rules::to_string(worst->outcome)) + ": " + std::string(rules::to_string(worst->strength)) + ", " +
         worst->rule;
}

RollupRow rollup_row(const AuditedService& service) {
  return rollup_row(summarize(service));
}

RollupRow rollup_row(const ServiceSummary& summary) {
  const AuditedService& service = *summary.service;
  RollupRow row;
  row.number = service.number;
  row.id = service.audit.file->id();
  row.file = *service.audit.file->path;
  row.name = service.audit.file->name();
  for (const auto& framework : summary.frameworks) {
    row.frameworks.push_back({framework.framework, framework.counts, framework.practice_level, framework.waived});
  }
  row.worst = worst_result(summary);
  row.counts = summary.counts;
  row.waived = summary.waived;
  return row;
}

std::vector<BaselineEntry> baseline_entries(const AuditedService& service, const BaselineComparison& comparison) {
  std::vector<BaselineEntry> entries = baseline_entries(service, BaselineState::new_result);
  const auto fixed = baseline_entries(service, BaselineState::fixed);
  const auto absent = absent_entries(comparison);
  entries.insert(entries.end(), fixed.begin(), fixed.end());
  entries.insert(entries.end(), absent.begin(), absent.end());
  return entries;
}

ReportFrame frame_of(const Report& report) {
  ReportFrame frame;
  for (const auto& service : report.services) {
    frame.services.push_back(rollup_row(service));
    frame.total += frame.services.back().counts;
    frame.waived += frame.services.back().waived;
  }
  frame.broken = report.broken;
  frame.baseline = report.baseline;
  if (report.baseline) {
    for (const auto state : {BaselineState::new_result, BaselineState::fixed}) {
      for (const auto& service : report.services) {
        auto entries = baseline_entries(service, state);
        frame.baseline_entries.insert(frame.baseline_entries.end(), entries.begin(), entries.end());
      }
    }
    auto absent = absent_entries(*report.baseline);
    frame.baseline_entries.insert(frame.baseline_entries.end(), absent.begin(), absent.end());
  }
  frame.due_within_days = report.due_within_days;
  frame.statutory_waivers_allowed = report.statutory_waivers_allowed;
  frame.color = report.color;
  frame.width = report.width;
  frame.generated_at = report.generated_at;
  return frame;
}

namespace {

// A code point a YAML double-quoted scalar must not hold as it is: a control character, a line
// or paragraph separator, or an invisible format character that could hide what it says.
bool escaped_in_snippet(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

// `text` as the inside of a YAML double-quoted scalar, in pieces that may be folded apart: each
// piece ends before a single space between two other characters, which folding turns back into
// that space.
std::vector<std::string> quoted_pieces(std::string_view text) {
  std::vector<std::string> pieces(1);
  for (std::size_t i = 0; i < text.size();) {
    const auto sequence = text::decode_utf8(text, i);
    const char32_t c = sequence ? sequence->code_point : 0xFFFD;
    const std::size_t length = sequence ? sequence->length : 1;
    const bool lone_space = c == U' ' && i > 0 && i + 1 < text.size() && text[i - 1] != ' ' && text[i + 1] != ' ';
    if (lone_space) {
      pieces.emplace_back();
    } else if (c == U'"' || c == U'\\') {
      pieces.back() += '\\';
      pieces.back() += static_cast<char>(c);
    } else if (c <= 0xFF && escaped_in_snippet(c)) {
      pieces.back() += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    } else if (escaped_in_snippet(c)) {
      pieces.back() += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else {
      text::append_utf8(pieces.back(), c);
    }
    i += length;
  }
  return pieces;
}

}  // namespace

std::string attestation_snippet(const rules::Rule& rule, Date date, std::size_t width) {
  const std::string statement = rule.attestation ? rule.attestation->statement : rule.title;
  std::string out = fmt::format("- rule: {}\n", rule.id);
  const std::string first = "  statement: \"";
  const std::string hang = "    ";
  std::string line = first;
  bool line_has_words = false;
  for (const auto& piece : quoted_pieces(statement)) {
    if (line_has_words && width > 0 && text::display_width(line) + 1 + text::display_width(piece) + 1 > width) {
      out += line + "\n";
      line = hang + piece;
    } else {
      line += (line_has_words ? " " : "") + piece;
    }
    line_has_words = true;
  }
  out += line + "\"\n";
  out += "  by: <name and post>\n";
  out += fmt::format("  date: {}\n", date.to_string());
  return out;
}

std::string attestation_snippet(const AuditedService& service, const rules::Finding& finding, std::size_t width) {
  if (finding.outcome != Outcome::needs_attestation || !finding.rule->attestation) {
    return {};
  }
  return attestation_snippet(*finding.rule, service.audit.as_of, width);
}

}  // namespace ppsaudit::report
