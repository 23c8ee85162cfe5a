#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "rules/engine.hpp"

// A baseline: the JSON report of an earlier run, against which each result of this run is
// marked new, unchanged, fixed or absent (man/ppsaudit.1, "Baselines").
namespace ppsaudit::report {

struct Report;
struct AuditedService;

enum class BaselineState { new_result, unchanged, fixed, absent };

// "new", "unchanged", "fixed", "absent": the word every format uses.
std::string_view token(BaselineState state);

// One result of the earlier run, as its JSON report gave it.
struct BaselineResult {
  std::string rule;
  std::string result;    // an outcome's token: "not_met"
  std::string strength;  // a strength's token: "must"
  std::string message;
  std::vector<std::string> elements;  // the records at fault ("people[id=ppo]")
  std::string file;                   // where the earlier run located it
  int line = 0;
  int column = 0;
  bool waived = false;  // its waiver was in force ("waiver": {"state": "applied"})

  // Not met or not assessable.
  [[nodiscard]] bool failing_outcome() const;
  // Not met or not assessable and not waived: what fails a run.
  [[nodiscard]] bool failing() const;
};

// One service of the earlier run.
struct BaselineService {
  std::string id;
  std::string name;
  std::string file;
  std::optional<std::string> profile;
  Location profile_where;  // in the baseline file, for a refusal to point at
  std::vector<BaselineResult> results;
};

// A JSON report read as a baseline.
struct Baseline {
  std::string file;
  std::vector<BaselineService> services;
};

// Reads a baseline. Refuses, with errors located in it: a file that cannot be read, is not
// JSON, is not a ppsaudit report, is of another version of the report format, or lacks what
// a baseline needs (each service's id, each result's rule, result and elements).
std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diagnostics);
// The same, from the text of the file `path`.
std::optional<Baseline> parse_baseline(std::string_view text, const std::string& path, Diagnostics& diagnostics);

// A result of the baseline that this run does not have: its rule is no longer applied to the
// service, or the service is no longer audited.
struct AbsentResult {
  std::string service_id;
  std::string service_name;
  bool service_audited = false;  // whether the service is in this run at all
  BaselineResult result;
};

// The comparison of a whole report with its baseline.
struct BaselineComparison {
  std::string file;
  std::vector<AbsentResult> absent;  // in the baseline's order
  int new_count = 0;
  int unchanged_count = 0;
  int fixed_count = 0;
  [[nodiscard]] int count(BaselineState state) const;
};

// Matches a run's services with a baseline, a service at a time. Results match by service
// id, rule id and the records at fault, never by line: a failing result is unchanged when the
// baseline had the same rule failing for the same service on every record it now fails on,
// and new otherwise; a result that passes is fixed when the baseline had it failing.
class BaselineMatcher {
 public:
  explicit BaselineMatcher(const Baseline& baseline);  // which must outlive the matcher

  // Marks one service's results (AuditedService::baseline) and lists the baseline's results
  // for it that this run does not have (::baseline_absent). Refuses, with an error and marking
  // nothing, a service the baseline audited under another profile. Changes nothing of the
  // matcher: several threads may mark services at once.
  bool mark(AuditedService& service, Diagnostics& diagnostics) const;

  // Counts a marked service into the comparison; called in file order. Refuses, with an
  // error, a second service of this run with the same id.
  bool add(const AuditedService& service, Diagnostics& diagnostics);

  // The comparison, with every result of the baseline's services this run did not audit.
  BaselineComparison finish() &&;

 private:
  const Baseline* m_baseline;
  std::map<std::string, const BaselineService*, std::less<>> m_earlier;
  std::map<std::string, std::string, std::less<>> m_audited;  // id → the file that has it
  BaselineComparison m_comparison;
};

// Marks every result of the report against the baseline and lists the baseline's results this
// run does not have (BaselineMatcher, over the whole report). Refuses, with errors: two
// services of this run with the same id, and a service the baseline audited under another
// profile. Returns false (and marks nothing) when it refuses.
bool compare_with_baseline(Report& report, const Baseline& baseline, Diagnostics& diagnostics);

// The state of one of the service's results, or nothing when the report has no baseline.
std::optional<BaselineState> baseline_state(const AuditedService& service, const rules::Finding& finding);

// The state in a sentence, for the formats meant for people: "new: not failing in the baseline".
std::string baseline_sentence(BaselineState state);

// The counts of each state: "2 new, 70 unchanged, 1 fixed, 0 absent".
std::string baseline_counts(const BaselineComparison& comparison);

// What the formats meant for people list under the baseline: every new failure, every fixed
// result, then every absent one, each in a line ("<service id>: <rule> (not met) at <where>").
// What is unchanged is only counted.
struct BaselineEntry {
  BaselineState state;
  std::string text;
};
// One service's new failures, or its fixed results (`state`), in the order audited.
std::vector<BaselineEntry> baseline_entries(const AuditedService& service, BaselineState state);
// The comparison's absent results.
std::vector<BaselineEntry> absent_entries(const BaselineComparison& comparison);

}  // namespace ppsaudit::report
