#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/model.hpp"

// Two services' audits side by side (`ppsaudit compare`): built once from the two audits,
// so that every format lists the same differences, agreements and one-sided rules in the
// same order.
namespace ppsaudit::report {

// One rule as the two services came out on it; a side that does not have the rule (a
// rule of the other's local pack) has no finding.
struct ComparedRule {
  const rules::Rule* rule = nullptr;
  const rules::Finding* a = nullptr;
  const rules::Finding* b = nullptr;
};

// One framework's counts and practice level on both sides; a side without any rule of the
// framework has none.
struct ComparedFramework {
  std::string framework;
  std::optional<FrameworkSummary> a;
  std::optional<FrameworkSummary> b;
};

// Where the two services' records pull in different directions across eras: one records
// advocacy or representation among its support (the 2018 Minimum Standards' sense), the other
// a policy that refuses to advocate (the 2001 era's sense).
struct EraDirection {
  std::string message;
  Location a;
  Location b;
};

struct Comparison {
  const AuditedService* a = nullptr;
  const AuditedService* b = nullptr;
  OutcomeCounts counts_a;
  OutcomeCounts counts_b;
  // Every framework of either side: A's in report order, then those only B has.
  std::vector<ComparedFramework> frameworks;
  std::vector<EraDirection> era_directions;
  // Rules both have, in A's report order: those whose results differ, and those that agree.
  std::vector<ComparedRule> differences;
  std::vector<ComparedRule> agreements;
  // Rules one side has and the other does not (a local pack's), in that side's report order.
  std::vector<ComparedRule> only_a;
  std::vector<ComparedRule> only_b;
  // --allow-statutory-waivers: every format says so near its top, for a legal duty may then
  // be shown as waived.
  bool statutory_waivers_allowed = false;
};

// Compares two audits, rule by rule (by rule id). Both must outlive the comparison.
Comparison compare(const AuditedService& a, const AuditedService& b);

// "A" or "B" with the service's name: "A (Parent Link)".
std::string side_label(std::string_view side, const AuditedService& service);

// A format `compare` writes: its name and its writer.
struct CompareFormat {
  std::string_view name;
  std::string (*render)(const Comparison& comparison);
};

// The formats of `compare`, "text" first (the default).
const std::vector<CompareFormat>& compare_formats();
const CompareFormat* find_compare_format(std::string_view name);
std::vector<std::string> compare_format_names();

}  // namespace ppsaudit::report
