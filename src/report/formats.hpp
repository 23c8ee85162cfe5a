#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/model.hpp"

namespace ppsaudit::report {

// What a format writes of the run as a whole: the part before the services' sections and the
// part after them.
struct FrameParts {
  std::string before;
  std::string after;
};

// A report format: its name on the command line and its writer, in two parts so that a
// register's report can be written a service at a time (ReportFrame): the frame, and one
// service's section. Each writer is one file of src/report/ and reads only the result model.
//
// A workbook format (xlsx) is not text and cannot be written a service at a time: it has no
// frame or section, and `workbook` writes one service's report to a file it names, returning
// why it could not (empty when it did). Its temporary files go in `temporary_folder`.
struct Format {
  std::string_view name;
  FrameParts (*frame)(const ReportFrame& frame);
  std::string (*section)(const AuditedService& service, const SectionContext& context);
  std::string_view separator;  // what goes between two services' sections
  std::string (*workbook)(const Report& report, const std::string& path, const std::string& temporary_folder);

  // Whether it is a workbook, written whole to a file, of one service only.
  [[nodiscard]] bool is_workbook() const { return workbook != nullptr; }

  // The whole report at once: the frame's first part, every service's section, its last part.
  // Not for a workbook.
  [[nodiscard]] std::string render(const Report& report) const;
};

// The formats this build writes, in the order --help lists them; "text" first, the default.
const std::vector<Format>& formats();

// The format named `name`, or nullptr.
const Format* find_format(std::string_view name);

// The names of formats(), as the command line spells them.
std::vector<std::string> format_names();

}  // namespace ppsaudit::report
