#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace ppsaudit {

// The most service files one run reads (documented in ppsaudit(1), LIMITS): a register of more
// is refused before any file is read, so that a mistaken path (/, a home folder) fails at once.
constexpr std::size_t k_max_service_files = 100000;

// The service files `check` reads for the paths on its command line: a file as it is (read as
// a service file, whatever it holds); a folder as every *.yaml and *.yml file under it, at
// any depth, in byte-wise path order. In a folder, a rule pack and a YAML file whose first
// key is not `ppsaudit` are skipped with a note; symbolic links to folders are not followed,
// so a link loop cannot hang. A folder that cannot be read is an error, and so are more than
// k_max_service_files files in all (counted before any is opened).
std::vector<std::string> service_files(const std::vector<std::string>& paths, Diagnostics& diagnostics);

}  // namespace ppsaudit
