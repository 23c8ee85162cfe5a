#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ppsaudit::yaml {

// The first key of the top-level map of `text`, or nothing when it does not start as a map
// with a plain key. It parses no further, so a file the reader refuses later on, or one cut
// short at the size limit, still says what it is.
std::optional<std::string> first_key(std::string_view text);

}  // namespace ppsaudit::yaml
