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
                     // training_booked, training_deadline, supervision, annual_report, declaration,
                     // attestation, waiver_expiry
  std::string what;  // "review the policy 'Impartiality Policy'"
  Location where;    // the record the date comes from
  // What creates it: an attested rule's id ("stone-2004/impartiality-attested"), or the service
  // file's field whose cadence or date sets it ("policies.review", "groups.meets").
  std::string rule;
  // The record it is about, stable when the file is edited and the date moves: a policy's,
  // group's or monitoring check's id, "person/topic", or the rule id of an attestation.
  std::string element;
  bool overdue = false;  // due before the audit date, and the service file shows it not done
};

// Every dated obligation of the service on `as_of`: the next occurrence of each thing it must
// do again (the kinds of upcoming_deadlines, and supervision), however far ahead, with those
// whose date has passed and which the file does not show done by `as_of` marked overdue:
// a review, meeting, check, refresh, supervision or report not done again in time, a booked
// course with no record of that topic on or after its date, a new starter still without
// initial training three months on, an attestation that has expired. Earliest first (ties by
// kind, then text), so the overdue ones come first.
std::vector<Deadline> dated_obligations(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                        Date as_of);

// What falls due on `as_of` or after it, and no later than `days` after it (due on the audit
// date is not yet overdue, so it is listed here), earliest first (ties by kind, then text):
// policy reviews, group meetings, terms-of-reference reviews, monitoring, training refreshes,
// booked courses (booked by the audit date), a new starter's three months to initial training,
// supervision sessions, the next annual report (a year after the last was published), and attestations of `rules`
// that expire, except those of a rule whose pack is outside its era on `as_of`. Overdue items
// are not here: rules report those.
std::vector<Deadline> upcoming_deadlines(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                         Date as_of, int days);

}  // namespace ppsaudit::rules
