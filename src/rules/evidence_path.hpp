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

}  // namespace ppsaudit::rules
