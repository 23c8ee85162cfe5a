#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "diag/location.hpp"

namespace ppsaudit::service {
struct ServiceFile;
}

namespace ppsaudit::rules {

struct Rule;
struct Finding;

// A service's acceptance, for a time, that a rule is not met (issue 14): a `waivers` entry of
// the service file, copied out of it so that it outlives the file's tree.
struct Waiver {
  std::string rule;
  std::string scope;  // an evidence path ("people[id=ppo]"); empty: the whole service
  std::string justification;
  std::string approved_by;
  Date granted;
  Date expires;    // it applies to the end of this day
  Location where;  // the entry's `rule`
};

// What a waiver that matches a failing result does to it: the result is waived (applied), or
// the waiver is past its last day (expired) or not yet granted on the audit date (pending),
// and the result counts as it is.
enum class WaiverState { applied, expired, pending };

// The word reports use for a state: "applied", "expired", "pending".
std::string_view waiver_state_word(WaiverState state);

// How `check` treats waivers: the longest a waiver may run (--max-waiver-days; without it, one
// year: it expires no later than its grant date's anniversary, so a year with 29 February in it
// is 366 days), whether a legal duty may be waived (--allow-statutory-waivers), and whether
// waivers are applied at all (--no-waivers shows raw compliance).
// The most --max-waiver-days (and the configuration's max_waiver_days) may be: ten years.
inline constexpr int k_longest_waiver_days = 3660;

struct WaiverPolicy {
  std::optional<int> max_days;
  bool allow_statutory = false;
  bool apply = true;
};

// The service file's waivers, checked against the rules this audit applies to it: each names
// one of them (with a did-you-mean), runs no longer than the policy allows from granted to expires, and
// waives a legal duty only when the policy allows it (with --no-waivers that is not asked).
// Every problem is an error located at the waiver, reported before any rule is evaluated.
std::vector<Waiver> read_waivers(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                 const WaiverPolicy& policy, Diagnostics& diagnostics);

// Attaches to each failing result (not met, not assessable) the waiver that matches it: one of
// its rule whose scope is empty or one of the result's elements; of several, one in force on
// `as_of` first, then the one that expires last. Gives the waivers that match no failing
// result (stale), in the file's order.
std::vector<Waiver> apply_waivers(std::vector<Finding>& findings, const std::vector<Waiver>& waivers, Date as_of);

// Whether the finding's result is waived: it counts for no --fail-on threshold.
bool is_waived(const Finding& finding);

// What every report and stderr say of a stale waiver: "stale waiver: 'x' has no failing result
// to waive".
std::string stale_waiver_message(const Waiver& waiver);

// The waiver in one sentence, as the text-like formats show it under a result: "waived until
// 2008-09-30 (end of day) by Jo Bloggs, chair: <justification>" or "waiver expired on ...".
std::string waiver_note(const Finding& finding);

}  // namespace ppsaudit::rules
