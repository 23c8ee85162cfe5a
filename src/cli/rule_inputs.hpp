#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "rules/catalog.hpp"

namespace ppsaudit {

// The audit date from --as-of (YYYY-MM-DD), or today in UTC when it is empty.
std::optional<Date> parse_as_of(const std::string& text, Diagnostics& diagnostics);

// The profiles' names, as --profile takes them (from rules::profiles()).
std::vector<std::string> profile_names();

// The profile named `name`, or an error that lists the known ones.
const rules::Profile* find_profile_or_report(const std::string& name, Diagnostics& diagnostics);

// Pack files named on the command line: a file as it is, a folder as every *.yaml file in
// it, in name order.
std::vector<std::string> pack_files(const std::vector<std::string>& paths, Diagnostics& diagnostics);

// The built-in packs plus the packs at `paths` (--rules), and the ids of the latter.
struct LoadedRules {
  rules::Catalog catalog;
  std::vector<std::string> extra_packs;
};
std::optional<LoadedRules> load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics);

}  // namespace ppsaudit
