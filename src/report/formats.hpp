#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/model.hpp"

namespace ppsaudit::report {

// A report format: its name on the command line and the writer that renders the whole report
// as bytes. Each writer is one file of src/report/ and reads only the result model.
struct Format {
  std::string_view name;
  std::string (*render)(const Report& report);
};

// The formats this build writes, in the order --help lists them; "text" first, the default.
const std::vector<Format>& formats();

// The format named `name`, or nullptr.
const Format* find_format(std::string_view name);

// The names of formats(), as the command line spells them.
std::vector<std::string> format_names();

}  // namespace ppsaudit::report
