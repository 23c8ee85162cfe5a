#pragma once

#include <string>
#include <string_view>

namespace ppsaudit {

// Text from an input file, or a file name, made safe to print on a terminal: control
// characters (escape sequences, carriage returns, newlines, C1 controls) become visible escapes
// such as "\x1b", so a hostile service name cannot rewrite the screen or split a one-line
// message; bidirectional and invisible characters become escapes such as "\u202e", so a name
// cannot display as another; and each byte that is not UTF-8 becomes "\xe9", so the output is
// always UTF-8. Every command prints names and data through it (or printable_lines).
std::string printable(std::string_view text);

// The same, but keeping line breaks, for text shown as a block (a rule's expression).
std::string printable_lines(std::string_view text);

}  // namespace ppsaudit
