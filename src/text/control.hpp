#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ppsaudit::text {

// Whether `code_point` is a control character: C0 (U+0000..U+001F), DEL (U+007F) or C1
// (U+0080..U+009F), any of which can move a terminal's cursor or end a line.
bool is_control(char32_t code_point);

// Whether `code_point` changes how the text around it reads without showing itself: the
// bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), which can
// make a name display as another ("Trojan Source"), the invisible U+200B..U+200D, U+2060 and
// U+FEFF, and the line and paragraph separators U+2028 and U+2029.
bool is_invisible(char32_t code_point);

// Whether `code_point` must never reach output raw: a control character or an invisible one.
// The one test every writer makes, through control_at.
bool needs_escape(char32_t code_point);

// A character that needs_escape found in UTF-8 text, with the number of bytes it takes there.
struct ControlCharacter {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// The character at byte `offset` of `text` that needs_escape: a C0 control or DEL (one byte),
// a C1 control (C2 80..C2 9F) or an invisible character (two or three bytes); nothing for any
// other byte, whether or not it is well-formed UTF-8.
std::optional<ControlCharacter> control_at(std::string_view text, std::size_t offset);

// How many backslashes start a visible escape: one, or two where the escape is itself escaped
// (in Markdown, "\\x1b" shows as "\x1b").
enum class Backslash { single, doubled };

// The visible escape that stands for a character that needs_escape: "\x1b" for C0 controls
// and DEL, "\u0085" for C1 controls and "\u202e" for invisible characters (lower-case hex),
// after `backslash`.
std::string control_escape(char32_t code_point, Backslash backslash = Backslash::single);

// The visible escape that stands for a byte that is not part of well-formed UTF-8: "\xe9".
std::string byte_escape(unsigned char byte);

}  // namespace ppsaudit::text
