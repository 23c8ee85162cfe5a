#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/location.hpp"
#include "rules/catalog.hpp"
#include "rules/pack.hpp"
#include "service/service_file.hpp"

// When each framework applies (domain.md §15.2), so that none is applied silently outside its time.
namespace ppsaudit::rules {

// The days a framework applies: from its commencement to its last day, either end open.
struct Era {
  std::optional<Date> from;
  std::optional<Date> until;               // the last day it applied; the next day it was replaced
  std::optional<Date> transitional_until;  // the day cases begun under it before then ended

  [[nodiscard]] bool contains(Date date) const;
};

Era era_of(const Pack& pack);

// Why `pack` does not apply on `as_of` ("the SEN Code of Practice 2001 no longer applied on
// 2019-03-31 (replaced on 2014-09-01)"), or nothing when it does.
std::optional<std::string> outside_era(const Pack& pack, Date as_of);

// The days a profile applies: those of its first pack, the code its framework names (the SEN
// Code of Practice 2001 for `pps`, the SEND Code of Practice 2015 for `iass`).
Era era_of(const Profile& profile, const Catalog& catalog);

// A disagreement between the profile, the audit date and the service's framework, located at
// the service file's `service.framework`.
struct EraNote {
  std::string message;
  Location where;
};

// What disagrees when `file` is audited under `profile` as of `as_of`: a profile other than
// the one its framework names; an audit date outside the profile's era; an audit date outside
// the era of the framework the file declares.
std::vector<EraNote> era_mismatches(const service::ServiceFile& file, const Profile* profile, const Catalog& catalog,
                                    Date as_of);

// Where what the service records means one thing in one era and another in the next: notes
// for the reader, never findings. Today: advocacy. 2001-era policies refuse to "advocate",
// meaning to take the parent's side (domain.md §14.2 item 2, the East Sussex Parent Link policy);
// the 2018 Minimum Standards use "advocacy" with their own definition, for SENDIAS casework
// that may represent a family (domain.md §7.2). A note is given wherever the file records
// advocacy or representation among the support offered, or a policy refusing advocacy.
std::vector<EraNote> era_conflicts(const service::ServiceFile& file);

// Where a service file records advocacy in each era's sense: offered (`advocacy` or
// `representation` among its support levels, the 2018 sense) and refused (a policy that
// covers `not_advocacy`, the 2001 sense). Two services whose records point opposite ways are
// not contradicting each other: `compare` says so.
struct AdvocacyRecords {
  std::vector<Location> offered;
  std::vector<Location> refused;
};
AdvocacyRecords advocacy_records(const service::ServiceFile& file);

}  // namespace ppsaudit::rules
