#include "report/formats.hpp"

#include <algorithm>

namespace ppsaudit::report {

// The writers, each defined in the file of src/report/ that bears its name. Adding a format is
// one writer file, one declaration and one row here, its man-page section, and its tests.
std::string write_text(const Report& report);
std::string write_json(const Report& report);
std::string write_junit(const Report& report);
std::string write_sarif(const Report& report);
std::string write_markdown(const Report& report);
std::string write_html(const Report& report);
std::string write_github(const Report& report);

const std::vector<Format>& formats() {
  // A format is listed once its writer and its consumer's test exist.
  static const std::vector<Format> k_formats{
      {"text", write_text},         {"json", write_json}, {"junit", write_junit},   {"sarif", write_sarif},
      {"markdown", write_markdown}, {"html", write_html}, {"github", write_github},
  };
  return k_formats;
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
