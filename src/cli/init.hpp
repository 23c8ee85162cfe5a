#pragma once

#include <iosfwd>
#include <string>

#include "cli/exit_code.hpp"

namespace ppsaudit {

struct InitOptions {
  std::string file;                         // empty: standard output
  std::string framework = "send_cop_2015";  // a word of starter_framework_words()
  bool force = false;                       // replace `file` when it exists
};

// `ppsaudit init [FILE]`: writes the commented starter service file of the framework, to
// standard output or, whole or not at all, to FILE, which it never replaces without --force.
ExitCode run_init(const InitOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
