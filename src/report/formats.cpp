#include "report/formats.hpp"

#include <algorithm>

namespace ppsaudit::report {

// The writers, each defined in the file of src/report/ that bears its name. Adding a format is
// one writer file, one declaration and one row here, its man-page section, and its tests.
FrameParts text_frame(const ReportFrame& frame);
std::string text_section(const AuditedService& service, const SectionContext& context);
FrameParts json_frame(const ReportFrame& frame);
std::string json_section(const AuditedService& service, const SectionContext& context);
FrameParts junit_frame(const ReportFrame& frame);
std::string junit_section(const AuditedService& service, const SectionContext& context);
FrameParts sarif_frame(const ReportFrame& frame);
std::string sarif_section(const AuditedService& service, const SectionContext& context);
FrameParts markdown_frame(const ReportFrame& frame);
std::string markdown_section(const AuditedService& service, const SectionContext& context);
FrameParts html_frame(const ReportFrame& frame);
std::string html_section(const AuditedService& service, const SectionContext& context);
FrameParts github_frame(const ReportFrame& frame);
std::string github_section(const AuditedService& service, const SectionContext& context);
std::string xlsx_workbook(const Report& report, const std::string& path, const std::string& temporary_folder);

const std::vector<Format>& formats() {
  // A format is listed once its writer and its consumer's test exist.
  static const std::vector<Format> k_formats{
      {"text", text_frame, text_section, "\n", nullptr},
      {"json", json_frame, json_section, ",\n", nullptr},
      {"junit", junit_frame, junit_section, "", nullptr},
      {"sarif", sarif_frame, sarif_section, ",\n", nullptr},
      {"markdown", markdown_frame, markdown_section, "\n", nullptr},
      {"html", html_frame, html_section, "", nullptr},
      {"github", github_frame, github_section, "", nullptr},
      {"xlsx", nullptr, nullptr, "", xlsx_workbook},
  };
  return k_formats;
}

std::string Format::render(const Report& report) const {
  if (is_workbook()) {
    return {};  // written to a file by `workbook`, never as text
  }
  const ReportFrame whole = frame_of(report);
  FrameParts parts = this->frame(whole);
  SectionContext context;
  context.several = whole.several();
  context.due_within_days = report.due_within_days;
  context.color = report.color;
  context.width = report.width;
  context.generated_at = report.generated_at;
  context.statutory_waivers_allowed = report.statutory_waivers_allowed;
  context.baseline = report.baseline && !context.several ? &*report.baseline : nullptr;
  std::string out = std::move(parts.before);
  for (std::size_t i = 0; i < report.services.size(); ++i) {
    out += i > 0 ? separator : "";
    out += section(report.services[i], context);
  }
  return out + parts.after;
}

const Format* find_format(std::string_view name) {
  const auto& all = formats();
  const auto found = std::find_if(all.begin(), all.end(), [name](const Format& format) { return format.name == name; });
  return found == all.end() ? nullptr : &*found;
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& format : formats()) {
    names.emplace_back(format.name);
  }
  return names;
}

}  // namespace ppsaudit::report
