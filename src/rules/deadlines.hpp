#pragma once

#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/location.hpp"
#include "rules/pack.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// Something the service must do again by a date, from its own records and cadences.
struct Deadline {
  Date due;
  std::string kind;  // policy_review, meeting, terms_of_reference_review, monitoring, training_refresh,
                     // training_booked, training_deadline, annual_report, attestation
  std::string what;  // "review the policy 'Impartiality Policy'"
  Location where;    // the record the date comes from
};

// What falls due on `as_of` or after it, and no later than `days` after it (due on the audit
// date is not yet overdue, so it is listed here), earliest first (ties by kind, then text):
// policy reviews, group meetings, terms-of-reference reviews, monitoring, training refreshes,
// booked courses (booked by the audit date), a new starter's three months to initial training,
// the next annual report (a year after the last was published), and attestations of `rules`
// that expire, except those of a rule whose pack is outside its era on `as_of`. Overdue items
// are not here: rules report those.
std::vector<Deadline> upcoming_deadlines(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                         Date as_of, int days);

}  // namespace ppsaudit::rules
