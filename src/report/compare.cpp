#include "report/compare.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace ppsaudit::report {

namespace {

// Each finding of a summary by its rule id.
std::map<std::string, const rules::Finding*, std::less<>> by_rule(const ServiceSummary& summary) {
  std::map<std::string, const rules::Finding*, std::less<>> found;
  for (const auto* finding : summary.findings) {
    found.emplace(finding->rule->id, finding);
  }
  return found;
}

std::vector<ComparedFramework> pair_frameworks(const ServiceSummary& a, const ServiceSummary& b) {
  std::vector<ComparedFramework> pairs;
  for (const auto& framework : a.frameworks) {
    pairs.push_back({framework.framework, framework, std::nullopt});
  }
  for (const auto& framework : b.frameworks) {
    const auto found = std::find_if(pairs.begin(), pairs.end(), [&framework](const ComparedFramework& pair) {
      return pair.framework == framework.framework;
    });
    if (found != pairs.end()) {
      found->b = framework;
    } else {
      pairs.push_back({framework.framework, std::nullopt, framework});
    }
  }
  return pairs;
}

// One record offers advocacy where the other refuses it: the same word, two eras' meanings.
std::vector<EraDirection> era_directions(const AuditedService& a, const AuditedService& b) {
  static constexpr std::string_view k_why =
      "The 2018 Minimum Standards use \"advocacy\" for casework that may represent a family, while 2001-era "
      "Parent Partnership policies refuse to \"advocate\", meaning to take the parent's side rather than stay "
      "impartial: the records pull in different directions across eras, and are not a difference in the rules";
  const auto records_a = rules::advocacy_records(*a.audit.file);
  const auto records_b = rules::advocacy_records(*b.audit.file);
  std::vector<EraDirection> directions;
  if (!records_a.offered.empty() && !records_b.refused.empty()) {
    directions.push_back({fmt::format("A records advocacy among the support it offers; B's policy refuses to "
                                      "advocate. {}",
                                      k_why),
                          records_a.offered.front(), records_b.refused.front()});
  }
  if (!records_a.refused.empty() && !records_b.offered.empty()) {
    directions.push_back({fmt::format("A's policy refuses to advocate; B records advocacy among the support it "
                                      "offers. {}",
                                      k_why),
                          records_a.refused.front(), records_b.offered.front()});
  }
  return directions;
}

}  // namespace

Comparison compare(const AuditedService& a, const AuditedService& b) {
  const ServiceSummary summary_a = summarize(a);
  const ServiceSummary summary_b = summarize(b);
  Comparison comparison;
  comparison.a = &a;
  comparison.b = &b;
  comparison.counts_a = summary_a.counts;
  comparison.counts_b = summary_b.counts;
  comparison.frameworks = pair_frameworks(summary_a, summary_b);
  comparison.era_directions = era_directions(a, b);

  const auto findings_a = by_rule(summary_a);
  const auto findings_b = by_rule(summary_b);
  for (const auto* finding : summary_a.findings) {
    const auto other = findings_b.find(finding->rule->id);
    if (other == findings_b.end()) {
      comparison.only_a.push_back({finding->rule, finding, nullptr});
    } else if (other->second->outcome != finding->outcome) {
      comparison.differences.push_back({finding->rule, finding, other->second});
    } else {
      comparison.agreements.push_back({finding->rule, finding, other->second});
    }
  }
  for (const auto* finding : summary_b.findings) {
    if (!findings_a.contains(finding->rule->id)) {
      comparison.only_b.push_back({finding->rule, nullptr, finding});
    }
  }
  return comparison;
}

std::string side_label(std::string_view side, const AuditedService& service) {
  return fmt::format("{} ({})", side, service.audit.file->name());
}

// The writers, each in the file of src/report/ that bears its name.
std::string write_compare_text(const Comparison& comparison);
std::string write_compare_json(const Comparison& comparison);
std::string write_compare_markdown(const Comparison& comparison);
std::string write_compare_html(const Comparison& comparison);

const std::vector<CompareFormat>& compare_formats() {
  static const std::vector<CompareFormat> k_formats{
      {"text", write_compare_text},
      {"markdown", write_compare_markdown},
      {"html", write_compare_html},
      {"json", write_compare_json},
  };
  return k_formats;
}

const CompareFormat* find_compare_format(std::string_view name) {
  const auto& all = compare_formats();
  const auto found =
      std::find_if(all.begin(), all.end(), [name](const CompareFormat& format) { return format.name == name; });
  return found == all.end() ? nullptr : &*found;
}

std::vector<std::string> compare_format_names() {
  std::vector<std::string> names;
  for (const auto& format : compare_formats()) {
    names.emplace_back(format.name);
  }
  return names;
}

}  // namespace ppsaudit::report
