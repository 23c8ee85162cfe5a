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

struct RulesEvalOptions {
  std::string expression;
  std::string as_of;    // YYYY-MM-DD; empty means today (UTC)
  std::string service;  // a service file to bind (not yet used)
};

// `ppsaudit rules eval 'EXPR'`: prints the value in CEL literal syntax (exit 0); a parse or type
// error exits 2 and an evaluation error 1, each as "expression:LINE:COL: error: MESSAGE".
ExitCode run_rules_eval(const RulesEvalOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
