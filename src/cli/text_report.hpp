#pragma once

#include <iosfwd>
#include <string_view>

#include "cli/report.hpp"

namespace ppsaudit {

// How findings map to the exit status: the least strength whose misses fail the run.
enum class FailOn { must, should, any, none };

// Whether a finding counts against --fail-on: a rule not met, or one whose evidence is
// missing (not assessable), at or above the threshold. Attestations never fail a run.
bool fails(const rules::Finding& finding, FailOn fail_on);

// The report for a service manager: what is not met, why (with its citation), where in the
// service file, how to fix it; what needs attestation or evidence; then a summary per
// framework with the practice level reached; last, what falls due within `due_within_days`.
void write_text_report(const AuditedService& service, int due_within_days, std::ostream& out, bool color);

// The highest practice level whose rules, and every lower level's, are all met ("below the
// minimum standard" when its rules are not all met). Empty when no rule is at the minimum
// standard level, for then no level can be claimed.
std::string practice_level_reached(const std::vector<const rules::Finding*>& findings);

}  // namespace ppsaudit
