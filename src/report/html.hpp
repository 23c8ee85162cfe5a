#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::report {

// Text from an input file made safe in HTML text and in a quoted attribute value: & < > " '
// become character references, line breaks and tabs become spaces, other control characters
// visible escapes such as "\x1b", and code points HTML forbids (noncharacters, malformed
// UTF-8) U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace ppsaudit::report
