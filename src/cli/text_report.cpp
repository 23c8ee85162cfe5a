#include "cli/text_report.hpp"

#include <algorithm>
#include <map>
#include <ostream>

#include <fmt/color.h>
#include <fmt/format.h>

#include "cli/terminal.hpp"

namespace ppsaudit {

namespace {

using rules::Outcome;
using rules::Strength;

int rank(Strength strength) {
  return static_cast<int>(strength);
}

std::string label(Outcome outcome, bool color) {
  std::string text;
  for (char c : rules::to_string(outcome)) {
    text += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  if (!color) {
    return text;
  }
  const auto colour = outcome == Outcome::not_met            ? fmt::terminal_color::red
                      : outcome == Outcome::needs_attestation ? fmt::terminal_color::yellow
                      : outcome == Outcome::not_assessable    ? fmt::terminal_color::magenta
                                                              : fmt::terminal_color::green;
  return fmt::format(fmt::fg(colour) | fmt::emphasis::bold, "{}", text);
}

void write_finding(const rules::Finding& finding, std::ostream& out, bool color) {
  const rules::Rule& rule = *finding.rule;
  out << fmt::format("  {} [{}] {}: {}\n", label(finding.outcome, color), rules::to_string(rule.strength), rule.id,
                     printable(rule.title));
  if (!finding.message.empty()) {
    out << fmt::format("      what:  {}\n", printable(finding.message));
  }
  for (const auto& citation : rule.citations) {
    out << fmt::format("      why:   {}{}\n", printable(citation.to_string()),
                       rules::is_legal_duty(rule.strength) ? " (a legal duty)" : "");
  }
  out << fmt::format("      where: {}\n", printable(finding.where.to_string()));
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    out << fmt::format("      fix:   {}\n", printable(rule.fix));
  }
}

}  // namespace

bool fails(const rules::Finding& finding, FailOn fail_on) {
  if (finding.outcome != Outcome::not_met && finding.outcome != Outcome::not_assessable) {
    return false;
  }
  switch (fail_on) {
    case FailOn::must:
      return rules::is_legal_duty(finding.rule->strength);
    case FailOn::should:
      return rank(finding.rule->strength) <= rank(Strength::minimum_standard);
    case FailOn::any:
      return true;
    case FailOn::none:
      return false;
  }
  return false;
}

std::string practice_level_reached(const std::vector<const rules::Finding*>& findings) {
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
      if (finding->rule->level == level) {
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

void write_text_report(const AuditedService& service, int due_within_days, std::ostream& out, bool color) {
  const rules::ServiceAudit& audit = service.audit;
  const rules::Profile* profile = service.profile;
  out << fmt::format("ppsaudit report: {}\n", printable(audit.file->name()));
  out << fmt::format("service file:    {}\n", printable(*audit.file->path));
  out << fmt::format("profile:         {}\n", profile != nullptr ? fmt::format("{} ({})", profile->id, profile->title)
                                                                  : std::string("none (local packs only)"));
  out << fmt::format("audit date:      {}\n", audit.as_of.to_string());

  const auto groups = findings_by_framework(audit);
  for (const auto& [framework, findings] : groups) {
    out << fmt::format("\n== {} ==\n", printable(framework));
    std::vector<const rules::Finding*> sorted = findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
      if (rank(a->rule->strength) != rank(b->rule->strength)) {
        return rank(a->rule->strength) < rank(b->rule->strength);
      }
      return a->rule->area < b->rule->area;
    });
    for (const auto outcome : {Outcome::not_met, Outcome::not_assessable, Outcome::needs_attestation}) {
      for (const auto* finding : sorted) {
        if (finding->outcome == outcome) {
          write_finding(*finding, out, color);
        }
      }
    }
    std::vector<std::string> met;
    std::vector<std::string> not_applicable;
    for (const auto* finding : sorted) {
      if (finding->outcome == Outcome::met) {
        met.push_back(finding->rule->id);
      } else if (finding->outcome == Outcome::not_applicable) {
        not_applicable.push_back(fmt::format("{} ({})", finding->rule->id, printable(finding->message)));
      }
    }
    if (!met.empty()) {
      out << fmt::format("  {} ({}): {}\n", label(Outcome::met, color), met.size(), fmt::join(met, ", "));
    }
    for (const auto& line : not_applicable) {
      out << fmt::format("  {}: {}\n", label(Outcome::not_applicable, color), line);
    }
  }

  out << "\nSummary\n";
  out << fmt::format("  {:<44} {:>4} {:>8} {:>6} {:>7} {:>8}\n", "framework", "met", "not met", "n/a", "attest",
                     "no evid.");
  for (const auto& [framework, findings] : groups) {
    std::map<Outcome, int> counts;
    for (const auto* finding : findings) {
      ++counts[finding->outcome];
    }
    out << fmt::format("  {:<44} {:>4} {:>8} {:>6} {:>7} {:>8}\n", printable(framework).substr(0, 44),
                       counts[Outcome::met], counts[Outcome::not_met], counts[Outcome::not_applicable],
                       counts[Outcome::needs_attestation], counts[Outcome::not_assessable]);
    const std::string level = practice_level_reached(findings);
    if (!level.empty()) {
      out << fmt::format("    practice level reached: {}\n", level);
    }
  }

  out << fmt::format("\nFalls due within {} days of {}\n", due_within_days, audit.as_of.to_string());
  if (service.upcoming.empty()) {
    out << "  nothing\n";
  }
  for (const auto& deadline : service.upcoming) {
    out << fmt::format("  {}  {} ({})\n", deadline.due.to_string(), printable(deadline.what),
                       printable(deadline.where.to_string()));
  }
}

}  // namespace ppsaudit
