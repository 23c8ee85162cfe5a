#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"

namespace ppsaudit {

// A file the run reads, and what it is to the run ("service file", "rule pack", "baseline").
struct RunInput {
  std::string path;
  std::string_view kind;
};

// Refuses, with an error for each, the --output paths a report must not be written to: one
// that is a file the run reads, one that exists and is not a regular file (a device, a FIFO, a
// folder), and one that another --output names too. Files are compared by identity (device
// and inode), so a link or another spelling of an input is refused as the input itself; a path
// that does not exist yet is compared by its folder's identity and its name.
void refuse_unsafe_outputs(const std::vector<std::string>& outputs, const std::vector<RunInput>& inputs,
                           Diagnostics& diagnostics);

}  // namespace ppsaudit
