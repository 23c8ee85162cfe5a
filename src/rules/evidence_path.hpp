#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/location.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// An evidence path names the part of a service file a finding is about:
//   policies[kind=impartiality].last_reviewed     groups[type=advisory].meetings     arms_length
// Each step is a key; a list step may pick its first item whose field has a value (a text as
// written, a date as YYYY-MM-DD).

// Nothing when the path is well formed and every key exists in the service schema;
// otherwise what is wrong (with a did-you-mean).
std::optional<std::string> check_evidence_path(std::string_view path);

// Where the path points in the file: the deepest step that exists (its key's position), so a
// missing value is reported where it should have been written.
Location locate_evidence(const service::ServiceFile& file, std::string_view path);

// Where the path points when the file has every step of it (every filter picking an item);
// nothing otherwise.
std::optional<Location> find_evidence(const service::ServiceFile& file, std::string_view path);

// The evidence path of the record (or value, or key) that starts at `where`, the inverse of
// find_evidence: "people[id=ppo]", "annual_reports[published=2018-10-01]", "arms_length".
// A list item is picked by its id, or else by the first of its fields, in the schema's order,
// whose text or date no other item of the list shares; failing that by its position ("[#2]",
// which find_evidence does not follow). Neither the order of keys nor the indentation of the
// file changes it, so a baseline can match results by it. Nothing when no value starts there.
std::optional<std::string> evidence_path_of(const service::ServiceFile& file, const Location& where);

}  // namespace ppsaudit::rules
