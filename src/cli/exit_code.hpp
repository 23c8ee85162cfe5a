#pragma once

namespace ppsaudit {

// The process exit status, documented in man/ppsaudit.1.
enum class ExitCode : int {
  ok = 0,         // nothing at or above the failure threshold
  findings = 1,   // the audit found something (or an expression failed to evaluate)
  bad_input = 2,  // usage error or input error: bad command line, service file or rule file
  internal = 3,   // a bug in ppsaudit
};

}  // namespace ppsaudit
