#pragma once

#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/location.hpp"
#include "rules/engine.hpp"
#include "rules/pack.hpp"
#include "service/service_file.hpp"

// Values read from words that mean two things (domain.md §10.1: "bi-annual" is both twice a
// year and every two years). The file records the reading it takes, the other one and the
// words; the audit follows the reading, and the report shows what the other would change.
namespace ppsaudit::rules {

// One value of the file read from the words: where it is, and its path ("policies[id=x].review.cadence").
struct ReadValue {
  std::string path;
  Location where;
};

// A result the other reading changes, with what it would say then.
struct ChangedResult {
  const Rule* rule = nullptr;
  Outcome reading = Outcome::not_assessable;      // the result as reported
  Outcome alternative = Outcome::not_assessable;  // the result under the other reading
  std::string message;                            // the finding's message under the other reading
};

// One source's words, read one way by the file, and what reading them the other way changes.
// Values that quote the same words with the same two readings are read together: a sentence of
// a policy is read one way or the other, never half of each.
struct OtherReading {
  std::string source;
  std::string reading;      // as the file reads them: "every 2 years"
  std::string alternative;  // the other way: "twice-yearly"
  std::vector<ReadValue> values;
  std::vector<ChangedResult> changes;  // in the order the rules were applied; empty when none changes
};

// Every other reading the file records, in the order its values first appear in the file, each
// with the results of `audit` (the audit of `file` by `rules` as of `as_of`) that it changes.
std::vector<OtherReading> other_readings(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                         Date as_of, const ServiceAudit& audit);

}  // namespace ppsaudit::rules
