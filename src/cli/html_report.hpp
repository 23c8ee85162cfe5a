#pragma once

#include <string>
#include <string_view>

#include "cli/report.hpp"

namespace ppsaudit {

// The inspection pack as one self-contained, accessible HTML5 page: the Markdown report's
// content (see InspectionSummary), with a chart of results per framework and area whose
// numbers are in real tables. Inline CSS only: no script, and nothing the page loads.
std::string html_report(const ReportContext& context);

// Text from an input file made safe in HTML text and in a quoted attribute value: & < > " '
// become character references, line breaks and tabs become spaces, other control characters
// visible escapes such as "\x1b", and code points HTML forbids (noncharacters, malformed
// UTF-8) U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace ppsaudit
