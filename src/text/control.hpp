#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ppsaudit::text {

// Whether `code_point` is a control character: C0 (U+0000..U+001F), DEL (U+007F) or C1
// (U+0080..U+009F), any of which can move a terminal's cursor or end a line.
bool is_control(char32_t code_point);

// A control character found in UTF-8 text, with the number of bytes it takes there.
struct ControlCharacter {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// The control character at byte `offset` of `text`: a C0 control or DEL (one byte) or a C1
// control (C2 80..C2 9F); nothing for any other byte, whether or not it is well-formed UTF-8.
std::optional<ControlCharacter> control_at(std::string_view text, std::size_t offset);

// How many backslashes start a visible escape: one, or two where the escape is itself escaped
// (in Markdown, "\\x1b" shows as "\x1b").
enum class Backslash { single, doubled };

// The visible escape that stands for a control character: "\x1b" for C0 controls and DEL,
// "\u0085" for C1 controls (lower-case hex), after `backslash`.
std::string control_escape(char32_t code_point, Backslash backslash = Backslash::single);

}  // namespace ppsaudit::text
