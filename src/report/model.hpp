#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "report/baseline.hpp"
#include "rules/catalog.hpp"
#include "rules/deadlines.hpp"
#include "rules/engine.hpp"
#include "rules/era.hpp"
#include "rules/readings.hpp"

// The one result model every report format renders: what `check` found, grouped and ordered
// once, so that no two formats can count, group or order it differently.
namespace ppsaudit::report {

// One service's audit with the profile it ran under and what falls due next.
struct AuditedService {
  rules::ServiceAudit audit;
  std::size_t number = 0;  // the file's place among the run's service files, from 1 (0: not given)
  const rules::Profile* profile = nullptr;
  std::vector<rules::Deadline> upcoming;
  // Where the profile, the audit date and the service's framework disagree: every format
  // shows these near its top, and stderr has them as warnings.
  std::vector<rules::EraNote> era_notes;
  // Notes for the reader where what the service records means different things in different
  // eras (advocacy): every format shows them with the era warnings, as notes, not findings.
  std::vector<rules::EraNote> era_conflicts;
  // The values read from words that mean two things, and the results the other reading would
  // change: every format lists them after the era warnings.
  std::vector<rules::OtherReading> readings;
  // Each finding's element in words (report/element.hpp), in the order of audit.findings;
  // empty when not worked out (check works them out only for an HTML report), and a report then
  // gives the file position alone.
  std::vector<std::string> elements;
  // With a baseline: each finding's state, in the order of audit.findings (see baseline_state),
  // and the baseline's results for this service that this run does not have, in its order.
  std::vector<BaselineState> baseline;
  std::vector<AbsentResult> baseline_absent;
  // The service's waivers that match no failing result, in the file's order: every format
  // warns of them, and stderr has them as warnings.
  std::vector<rules::Waiver> stale_waivers;
};

// A service file that could not be audited (it could not be read, or its local packs could
// not be used): every format shows it as an error entry, and stderr has its diagnostics.
struct BrokenFile {
  std::string file;
  std::vector<Diagnostic> diagnostics;  // in the order found; at least one is an error

  // The first error: where every format locates the file's entry.
  [[nodiscard]] const Diagnostic& first_error() const;
};

// Everything a report says, whatever its format.
struct Report {
  std::vector<AuditedService> services;
  std::vector<BrokenFile> broken;  // in the order the files were named
  int due_within_days = 60;
  // With --baseline: what the earlier run had that this one has not, and the counts.
  std::optional<BaselineComparison> baseline;
  bool color = false;       // the text format only
  std::size_t width = 100;  // the text format's lines, in display columns
  // When the report was made (UTC, ISO 8601), only when asked (--generated-at): without it
  // the same input and audit date give the same bytes.
  std::string generated_at;
  // --allow-statutory-waivers: every format says so near its top, for a legal duty may then
  // be shown as waived.
  bool statutory_waivers_allowed = false;
};

// Results counted by outcome.
class OutcomeCounts {
 public:
  void add(rules::Outcome outcome) { ++m_counts[index(outcome)]; }
  OutcomeCounts& operator+=(const OutcomeCounts& other);
  [[nodiscard]] int of(rules::Outcome outcome) const { return m_counts[index(outcome)]; }
  [[nodiscard]] int total() const;

 private:
  static std::size_t index(rules::Outcome outcome) { return static_cast<std::size_t>(outcome); }
  std::array<int, 5> m_counts{};
};

// " (2 waived)" after an outcome's count when some of its results are under a waiver in
// force; empty when none is. Every format's counts say it so, as a waived result keeps its
// result (issue 14).
std::string waived_suffix(const OutcomeCounts& waived, rules::Outcome outcome);

// The outcomes in the order reports count them: met, not met, not applicable, needs
// attestation, not assessable.
const std::array<rules::Outcome, 5>& counted_outcomes();

// One area of a framework (the `area` its rules give) and how its rules came out.
struct AreaSummary {
  std::string area;
  OutcomeCounts counts;
};

// One framework's results: its findings in report order, counted by area (areas in order of
// first appearance) and in total, and the practice level reached (empty when the framework
// has no levels).
struct FrameworkSummary {
  std::string framework;
  std::vector<const rules::Finding*> findings;
  std::vector<AreaSummary> areas;
  OutcomeCounts counts;
  OutcomeCounts waived;  // those of `counts` under a waiver in force, by their outcome
  std::string practice_level;
};

// One service's results as every report presents them.
//
// The report order of findings, which every format follows: by framework, in the order its
// first rule was applied (the profile's packs, then local packs); within a framework by
// strength, strongest first (legal duties first); then by area, in the order the framework's
// areas first appear; then in the order the rules were applied. A list of one outcome (the
// action list, say) is that order with the other outcomes left out.
struct ServiceSummary {
  const AuditedService* service = nullptr;
  OutcomeCounts counts;
  OutcomeCounts waived;  // those of `counts` under a waiver in force, by their outcome
  std::vector<FrameworkSummary> frameworks;
  std::vector<const rules::Finding*> findings;  // every finding, in report order

  // The findings with `outcome`, in report order.
  [[nodiscard]] std::vector<const rules::Finding*> with(rules::Outcome outcome) const;
};

// Groups, counts and orders one service's findings.
ServiceSummary summarize(const AuditedService& service);

// The findings of one framework with `outcome`, in report order.
std::vector<const rules::Finding*> with_outcome(const std::vector<const rules::Finding*>& findings,
                                                rules::Outcome outcome);

// The highest practice level whose rules, and every lower level's, are all met ("below the
// minimum standard" when its rules are not all met). Empty when no rule is at the minimum
// standard level, for then no level can be claimed.
std::string practice_level_reached(const std::vector<const rules::Finding*>& findings);

// What to do first: the rules not met or not assessable that are legal duties (a must or must
// have regard citing an Act or Regulations), not met before not assessable, then every other
// rule not met, strongest first; in report order within each. A result under a waiver in
// force is not an action: the service has accepted it, for a time.
std::vector<const rules::Finding*> top_actions(const ServiceSummary& summary);

// Whether the report opens with a roll-up: more than one service file, audited or broken.
// A report of one service is as it always was.
[[nodiscard]] bool has_rollup(const Report& report);

// The service's worst result: the strongest rule not met, or when none is as strong, the
// strongest not assessable; within a strength, not met first, then report order; results
// under a waiver in force are passed over. nullptr when every rule is met, not applicable,
// needs attestation or is waived.
const rules::Finding* worst_finding(const ServiceSummary& summary);

// What a roll-up shows of a service's worst result.
struct WorstResult {
  std::string rule;
  rules::Outcome outcome = rules::Outcome::not_met;
  rules::Strength strength = rules::Strength::must;
};

// The worst finding's rule, result and strength (worst_finding), or none.
std::optional<WorstResult> worst_result(const ServiceSummary& summary);

// The worst finding in a few words, as every roll-up shows it: "not met: must, <rule id>",
// or "none".
std::string worst_label(const std::optional<WorstResult>& worst);

// What a report keeps of an audited service once the service's own section is written: what
// the roll-up shows of it and what the run's totals count.
struct RollupRow {
  std::size_t number = 0;  // AuditedService::number
  std::string id;
  std::string file;
  std::string name;
  struct Framework {
    std::string framework;
    OutcomeCounts counts;
    std::string practice_level;  // empty when the framework has no levels
    OutcomeCounts waived;        // those of `counts` under a waiver in force
  };
  std::vector<Framework> frameworks;
  std::optional<WorstResult> worst;  // none when no rule fails
  OutcomeCounts counts;              // every result of the service
  OutcomeCounts waived;              // those of them under a waiver in force, by their outcome
};
RollupRow rollup_row(const AuditedService& service);
RollupRow rollup_row(const ServiceSummary& summary);

// What a report says of the run as a whole: everything but the services' own sections. A
// register's report is written as the frame's opening part, each service's section in file
// order, then the frame's closing part, so that a service's section can be written as soon as
// it is audited and its results let go (src/cli/check.cpp).
struct ReportFrame {
  std::vector<RollupRow> services;  // in file order
  std::vector<BrokenFile> broken;   // in file order
  // With --baseline: the comparison, and what the formats meant for people list under it.
  std::optional<BaselineComparison> baseline;
  std::vector<BaselineEntry> baseline_entries;
  int due_within_days = 60;
  bool color = false;                      // the text format only
  std::size_t width = 100;                 // the text format's lines, in display columns
  OutcomeCounts total;                     // every result of every service
  OutcomeCounts waived;                    // those of them under a waiver in force (RollupRow::waived)
  std::string generated_at;                // Report::generated_at
  bool statutory_waivers_allowed = false;  // Report::statutory_waivers_allowed

  // Whether the report opens with a roll-up: more than one service file.
  [[nodiscard]] bool several() const { return services.size() + broken.size() > 1; }
};
ReportFrame frame_of(const Report& report);

// What the formats meant for people list under the baseline in a report of one service: its
// new failures, its fixed results, then the comparison's absent ones.
std::vector<BaselineEntry> baseline_entries(const AuditedService& service, const BaselineComparison& comparison);

// The YAML that attests `rule` (a rule a person attests) once added to the service file's
// top-level `attestations` list: one item naming the rule, the statement its pack asks a person
// to confirm, who confirms it (a placeholder to replace) and `date` (the audit date), as
// man/ppsaudit-service.5 documents them. The statement is a double-quoted scalar, escaped so
// that the snippet holds no control character; with a `width`, it is folded at single spaces
// so that each line fits `width` columns where it can (0: each key on one line). Every format
// shows this snippet for a rule that needs attestation.
std::string attestation_snippet(const rules::Rule& rule, Date date, std::size_t width = 0);

// What every format says before the snippet: where it goes.
inline constexpr std::string_view k_attestation_snippet_intro =
    "when it is so, add this item to the top-level 'attestations' list";

// The snippet for a finding that needs attestation (attestation_snippet at the audit date), or
// "" for any other.
std::string attestation_snippet(const AuditedService& service, const rules::Finding& finding, std::size_t width = 0);

// What a service's section is written with.
struct SectionContext {
  bool several = false;  // the report has a roll-up (more than one service file)
  int due_within_days = 60;
  bool color = false;
  std::size_t width = 100;  // the text format's lines, in display columns
  // The whole comparison with the baseline, for a report of one service, which shows it in the
  // service's section. nullptr with a roll-up, which shows it in the frame, and without a baseline.
  const BaselineComparison* baseline = nullptr;
  std::string generated_at;                // Report::generated_at
  bool statutory_waivers_allowed = false;  // Report::statutory_waivers_allowed
};

}  // namespace ppsaudit::report
