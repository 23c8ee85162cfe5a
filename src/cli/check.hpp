#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/exit_code.hpp"
#include "cli/terminal.hpp"
#include "report/formats.hpp"
#include "rules/engine.hpp"

namespace ppsaudit {

// How findings map to the exit status: the least strength whose misses fail the run; or
// (new_failures) what fails at the default threshold and is new since the baseline.
enum class FailOn { must, should, any, none, new_failures };

// The --fail-on words, in the order --help lists them.
const std::vector<std::pair<std::string_view, FailOn>>& fail_on_words();

// Whether a finding counts against --fail-on: a rule not met, or one whose evidence is
// missing (not assessable), at or above the threshold. Attestations never fail a run. With
// new_failures, `is_new` says whether the baseline marks it new.
bool fails(const rules::Finding& finding, FailOn fail_on, bool is_new = false);

// What a disagreement between the profile, the audit date and the service's framework does:
// a warning, and the audit goes on (warn); an input error, exit 2 (strict).
enum class EraMode { warn, strict };

// The --era words, in the order --help lists them.
const std::vector<std::pair<std::string_view, EraMode>>& era_words();

struct CheckOptions {
  std::vector<std::string> files;
  std::string profile;             // empty: chosen by each service's framework
  std::vector<std::string> rules;  // extra packs (files or folders)
  std::string as_of;               // YYYY-MM-DD; empty: today (UTC)
  FailOn fail_on = FailOn::should;
  ColorMode color = ColorMode::automatic;
  const report::Format* format = nullptr;  // what standard output gets; nullptr: text
  bool format_given = false;               // with --output, standard output gets a report only if asked
  std::vector<std::pair<const report::Format*, std::string>> outputs;  // --output FORMAT=PATH
  int due_within_days = 60;
  EraMode era = EraMode::warn;
  std::string baseline;  // a JSON report of an earlier run; empty: none
};

// `ppsaudit check SERVICE...`: audits each service and prints its report; exit 1 when a
// finding is at or above --fail-on.
ExitCode run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
