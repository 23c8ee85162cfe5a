#pragma once

#include <string>
#include <string_view>

#include "cel/value.hpp"

namespace ppsaudit::rules {

// A manager's sentence for a service file key a rule needed and the file does not have:
// "the file does not record own website, or a clearly separate section (`arms_length.own_website`)".
// `path` is the key's full path in the service file ("arms_length.own_website",
// "policies[].shared_with"); its description comes from the service file schema.
std::string missing_key_sentence(std::string_view path);

// An evaluation error as a manager reads it: a missing key (cel::Error::missing) becomes
// missing_key_sentence of its full path, the path of the record the expression reached (or,
// for a record that does not know it, every path of its type in the service file schema). Any
// other error is its message as it is.
std::string evaluation_error_in_prose(const cel::Error& error);

}  // namespace ppsaudit::rules
