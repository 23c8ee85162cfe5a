#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "rules/catalog.hpp"
#include "service/service_file.hpp"

namespace ppsaudit {

// The audit date from --as-of (YYYY-MM-DD), or today in UTC when it is empty.
std::optional<Date> parse_as_of(const std::string& text, Diagnostics& diagnostics);

// The time a report is made, in UTC as ISO 8601 ("2026-12-02T13:45:07Z"): now, or the
// SOURCE_DATE_EPOCH of reproducible builds when it is set (seconds since 1970). Nothing, with an
// error, when SOURCE_DATE_EPOCH is not a whole number of seconds from 1970 to 9999.
std::optional<std::string> generated_at(Diagnostics& diagnostics);

// The profiles' names, as --profile takes them (from rules::profiles()).
std::vector<std::string> profile_names();

// The profile named `name`, or an error that lists the known ones.
const rules::Profile* find_profile_or_report(const std::string& name, Diagnostics& diagnostics);

// The most rule pack files one run reads from --rules (documented in ppsaudit(1), LIMITS).
constexpr std::size_t k_max_pack_files = 1000;

// Pack files named on the command line: a file as it is, a folder as every *.yaml file in
// it, in name order. More than k_max_pack_files in all is an error.
std::vector<std::string> pack_files(const std::vector<std::string>& paths, Diagnostics& diagnostics);

// The built-in packs plus the packs at `paths` (--rules), and the ids of the latter.
struct LoadedRules {
  rules::Catalog catalog;
  std::vector<std::string> extra_packs;
  // Each pack file read, by its normalised absolute path, with its pack's id: a file named
  // twice (by --rules and by a service, or by two services) is read once.
  std::map<std::string, std::string> pack_by_path;
  // For an audit (load_rules_for_audit): the profile of --profile, if any.
  bool for_audit = false;
  const rules::Profile* profile = nullptr;
};
std::optional<LoadedRules> load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics);
// The same for an audit, which reads only the built-in packs it needs, without fixtures: those
// of `profile` (--profile, or none) now, and each service's in `local_packs_of`.
std::optional<LoadedRules> load_rules_for_audit(const std::vector<std::string>& paths, const rules::Profile* profile,
                                                Diagnostics& diagnostics);

// Loads the local packs a service names (`local_packs`, paths relative to the service file)
// into `loaded`, each file once however many services name it; errors are located at the
// path in the service file. For an audit, also reads the built-in packs of the profile its
// framework names (only the first, which dates the era, under another --profile). The ids of
// the packs applied to the service beyond its profile's: the --rules packs, then its own.
std::vector<std::string> local_packs_of(const service::ServiceFile& file, LoadedRules& loaded,
                                        Diagnostics& diagnostics);

}  // namespace ppsaudit
