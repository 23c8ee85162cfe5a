#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::text {

// Where escaped text goes: an attribute value must keep tab, newline and carriage return as
// character references, or a parser's attribute normalisation turns them into spaces.
enum class XmlPlace { content, attribute };

// Text made safe as XML 1.0 element content or a quoted attribute value: markup characters
// become entities (quotes too, in an attribute), a carriage return (and in an attribute a tab or
// newline) becomes a character reference, other C0 controls become a visible "\xNN" (XML 1.0
// cannot carry them at all), bidirectional and invisible characters a visible "\u202e", and bytes that are not UTF-8 or
// characters XML forbids (U+FFFE, U+FFFF) become U+FFFD.
std::string xml_escape(std::string_view text, XmlPlace place);

// Text from an input file made safe in HTML text and in a quoted attribute value: & < > " '
// become character references, line breaks and tabs become spaces, other control characters
// and the bidirectional and invisible ones visible escapes such as "\x1b" and "\u202e", and code points HTML forbids
// (noncharacters, malformed UTF-8) U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace ppsaudit::text
