#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::report {

// Text from an input file made inert in Markdown: characters that would format or link
// are backslash-escaped, `<`, `>` and `&` become character references (so `<script>`
// never becomes raw HTML), line breaks and tabs become spaces and other control characters
// visible escapes such as "\x1b". Safe in a paragraph, a list item and a table cell.
std::string markdown_escape(std::string_view text);

// `prefix` followed by `text` (already escaped), wrapped at spaces to 80 columns; lines
// after the first start with `indent`. A word that would begin a line and could start a
// list, a heading underline or a thematic break there is escaped.
std::string markdown_wrap(std::string_view prefix, std::string_view text, std::string_view indent);

}  // namespace ppsaudit::report
