#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "exit_code.hpp"

namespace ppsaudit {

struct ValidateOptions {
  std::vector<std::string> files;
};

// `ppsaudit validate FILE...`: reports every problem in every file, or one ok line per file.
ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
