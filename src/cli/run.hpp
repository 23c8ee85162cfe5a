#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ppsaudit {

// The whole command line: parses `args` (argv without the program name), runs the chosen
// command, and returns the process exit status (see exit_code.hpp).
int run(std::vector<std::string> args, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
