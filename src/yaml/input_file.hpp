#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <sys/types.h>

#include "diag/diagnostics.hpp"

// Reading an input file (a service file, a rule pack, a configuration file, a baseline)
// without ever waiting on it: a FIFO or a device named as an input is refused, not read.
namespace ppsaudit::yaml {

// What a file of this type is called in messages: "a FIFO", "a character device", "a folder".
std::string_view file_type_name(mode_t mode);

// Reads the regular file at `path` whole, or up to one byte past `limit` (the caller refuses
// what is longer). Opens without blocking, so a FIFO with no writer cannot hang the run, and
// refuses anything that is not a regular file, except a pipe the path names as an inherited
// descriptor (/dev/stdin, /dev/fd/N, /proc/self/fd/N), which is read as the user asked.
// Messages call the file "`what` 'path'" (`what` is empty or ends with a space).
std::optional<std::string> read_input_file(const std::string& path, std::size_t limit, std::string_view what,
                                           Diagnostics& diagnostics);

}  // namespace ppsaudit::yaml
