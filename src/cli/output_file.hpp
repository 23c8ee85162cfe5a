#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace ppsaudit {

// Writes `content` to `path` through a temporary file in the same folder and a rename, so that
// a reader never sees half a report and an error leaves an existing file untouched.
bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics);

}  // namespace ppsaudit
