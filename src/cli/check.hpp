#pragma once

#include <condition_variable>
#include <functional>
#include <iosfwd>
#include <mutex>
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
// missing (not assessable), at or above the threshold. Attestations never fail a run, nor does
// a result under a waiver in force on the audit date (that is what a waiver is for; an expired
// one no longer counts). With new_failures, `is_new` says whether the baseline marks it new.
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
  std::string baseline;         // a JSON report of an earlier run; empty: none
  std::string config;           // the configuration file read, if any: an input, like the others
  int jobs = 0;                 // threads reading and auditing service files; 0: one per core
  bool generated_at = false;    // the HTML report says when it was made (see generated_at())
  rules::WaiverPolicy waivers;  // --max-waiver-days, --allow-statutory-waivers, --no-waivers
};

// How many threads work on `tasks` files: `jobs`, or one per core when it is 0, and never more
// than there are files (at least one).
unsigned worker_count(int jobs, std::size_t tasks);

// Calls work(i) for every i below `count`, on `threads` threads (on this one when 1), taking
// the indexes in increasing order. Each call must touch only what belongs to its index, or
// what is safe to share (see Turnstile).
void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work);

// Runs each index's part in the order of the indexes, one at a time, however many threads
// call it: in_turn(i, f) waits until every index below i has had its turn, runs f, and passes
// the turn on (even when f throws). With for_each_index, which hands out indexes in order, it
// cannot wait for ever: the lowest index still to have its turn belongs to a call that is
// running, unless that call failed before its turn, which must then abandon() the turnstile:
// every turn still waited for is then refused (in_turn gives false without running f).
class Turnstile {
 public:
  bool in_turn(std::size_t index, const std::function<void()>& work);
  void abandon();

 private:
  std::mutex m_mutex;
  std::condition_variable m_turn_changed;
  std::size_t m_next = 0;
  bool m_abandoned = false;
};

// `ppsaudit check SERVICE...`: audits each service and prints its report; exit 1 when a
// finding is at or above --fail-on.
ExitCode run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
