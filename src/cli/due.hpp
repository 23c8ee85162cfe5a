#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/exit_code.hpp"
#include "report/due.hpp"

namespace ppsaudit {

struct DueOptions {
  std::vector<std::string> files;
  std::string as_of;               // YYYY-MM-DD; empty: today (UTC)
  std::optional<int> within_days;  // nothing: every obligation, however far ahead
  report::DueFormat format = report::DueFormat::text;
  std::string output;  // a file to write instead of standard output; empty: standard output
  bool fail_on_overdue = false;
};

// `ppsaudit due SERVICE...`: every dated obligation of each service, the overdue ones first.
// Exit 0, even when some are overdue (it is a planning list, and `check` is the gate), or 1
// with --fail-on-overdue when any is; 2 for bad input, when nothing is written.
ExitCode run_due(const DueOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
