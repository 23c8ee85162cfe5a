#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::rules {

// A manager's sentence for a service file key a rule needed and the file does not have:
// "the file does not record own website, or a clearly separate section (`arms_length.own_website`)".
// `path` is the key's full path in the service file ("arms_length.own_website",
// "policies[].shared_with"); its description comes from the service file schema.
std::string missing_key_sentence(std::string_view path);

// An evaluation error as a manager reads it: a missing key ("no such field 'own_website'")
// becomes missing_key_sentence of its full path, found in the service file schema and told
// apart, when several records have the key, by the expression that asked for it. Any other
// error is returned as it is.
std::string evaluation_error_in_prose(std::string_view error, std::string_view expression);

}  // namespace ppsaudit::rules
