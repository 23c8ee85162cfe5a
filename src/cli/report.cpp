#include "cli/report.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/html_report.hpp"
#include "cli/json_report.hpp"
#include "cli/junit_report.hpp"
#include "cli/markdown_report.hpp"
#include "cli/sarif_report.hpp"
#include "cli/text_report.hpp"

namespace ppsaudit {

namespace {

struct FormatEntry {
  std::string_view name;
  ReportFormat format;
};

// The formats this build writes; a format is listed once its writer and its consumer's test exist.
constexpr FormatEntry k_formats[] = {
    {"text", ReportFormat::text},
    {"json", ReportFormat::json},
    {"junit", ReportFormat::junit},
    {"sarif", ReportFormat::sarif},
    {"markdown", ReportFormat::markdown},
    {"html", ReportFormat::html},
};

}  // namespace

const std::vector<std::string>& report_format_names() {
  static const std::vector<std::string> k_names = [] {
    std::vector<std::string> names;
    for (const auto& entry : k_formats) {
      names.emplace_back(entry.name);
    }
    return names;
  }();
  return k_names;
}

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  for (const auto& entry : k_formats) {
    if (entry.name == name) {
      return entry.format;
    }
  }
  return std::nullopt;
}

FrameworkFindings findings_by_framework(const rules::ServiceAudit& audit) {
  FrameworkFindings groups;
  for (const auto& finding : audit.findings) {
    const std::string& framework = finding.rule->pack->framework;
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == framework; });
    if (group == groups.end()) {
      groups.emplace_back(framework, std::vector<const rules::Finding*>{});
      group = std::prev(groups.end());
    }
    group->second.push_back(&finding);
  }
  return groups;
}

std::string render_report(ReportFormat format, const ReportContext& context) {
  switch (format) {
    case ReportFormat::json:
      return json_report(context);
    case ReportFormat::junit:
      return junit_report(context);
    case ReportFormat::sarif:
      return sarif_report(context);
    case ReportFormat::markdown:
      return markdown_report(context);
    case ReportFormat::html:
      return html_report(context);
    case ReportFormat::text:
      break;
  }
  std::ostringstream out;
  for (std::size_t i = 0; i < context.services.size(); ++i) {
    if (i > 0) {
      out << '\n';
    }
    write_text_report(context.services[i], context.due_within_days, out, context.color);
  }
  return out.str();
}

bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int descriptor = mkstemp(temporary.data());
  if (descriptor < 0) {
    diagnostics.error({}, "cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  // mkstemp makes the file private; a report gets the permissions any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok = ::fchmod(descriptor, static_cast<mode_t>(0666) & ~mask) == 0;
  for (std::size_t written = 0; ok && written < content.size();) {
    const ssize_t step = ::write(descriptor, content.data() + written, content.size() - written);
    ok = step > 0;
    written += ok ? static_cast<std::size_t>(step) : 0;
  }
  ok = ::fsync(descriptor) == 0 && ok;
  const int saved = errno;
  ok = ::close(descriptor) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    diagnostics.error({}, "cannot write '{}': {}", path, std::strerror(ok ? errno : saved));
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace ppsaudit
