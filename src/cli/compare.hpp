#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/exit_code.hpp"
#include "rules/waiver.hpp"

namespace ppsaudit {

struct CompareOptions {
  std::string a;
  std::string b;
  std::string profile;               // empty: chosen by each service's framework
  std::string as_of;                 // YYYY-MM-DD; empty: today (UTC)
  std::string format;                // what standard output gets; empty: text
  std::vector<std::string> outputs;  // --output FORMAT=PATH, as given
  rules::WaiverPolicy waivers;       // as check's (--max-waiver-days, --allow-statutory-waivers, --no-waivers)
};

// `ppsaudit compare A B`: audits both services, each under its own profile (or --profile) and
// its own local packs, with their waivers as check applies them, and prints them side by side. Exit 0 whatever the
// results; 2 when either file (both are read first) or an option is bad.
ExitCode run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
