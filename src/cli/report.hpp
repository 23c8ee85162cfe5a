#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "rules/catalog.hpp"
#include "rules/deadlines.hpp"
#include "rules/engine.hpp"

namespace ppsaudit {

// The report formats `check` writes. Each has one writer, in a file of its own.
enum class ReportFormat { text, json, junit, sarif, markdown, html };

// The formats this build writes, as the command line spells them.
const std::vector<std::string>& report_format_names();
std::optional<ReportFormat> parse_report_format(std::string_view name);

// One service's audit with the profile it ran under and what falls due next.
struct AuditedService {
  rules::ServiceAudit audit;
  const rules::Profile* profile = nullptr;
  std::vector<rules::Deadline> upcoming;
};

// A service's findings grouped by framework, frameworks in the order their first rule was applied.
using FrameworkFindings = std::vector<std::pair<std::string, std::vector<const rules::Finding*>>>;
FrameworkFindings findings_by_framework(const rules::ServiceAudit& audit);

// Everything a report says, whatever its format.
struct ReportContext {
  std::vector<AuditedService> services;
  int due_within_days = 60;
  bool color = false;  // the text format only
};

// The whole report in one format, as bytes to write.
std::string render_report(ReportFormat format, const ReportContext& context);

// Writes `content` to `path` through a temporary file in the same folder and a rename, so that
// a reader never sees half a report and an error leaves an existing file untouched.
bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics);

}  // namespace ppsaudit
