#pragma once

#include <string_view>
#include <vector>

namespace ppsaudit {

// The named cadences that parse_cadence reads ("termly", "once a term", "annually"…), in lower
// case, for the JSON Schema that describes them (cli/json_schema.cpp); not the words that read
// two ways ("bi-annual"), which it refuses.
std::vector<std::string_view> cadence_names();

}  // namespace ppsaudit
