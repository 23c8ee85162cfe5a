#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppsaudit::text {

// U+FFFD REPLACEMENT CHARACTER in UTF-8, written in place of each byte that is not UTF-8.
inline constexpr std::string_view k_replacement = "\xef\xbf\xbd";

// A code point read from UTF-8 text, with the number of bytes (1 to 4) its sequence takes.
struct Utf8Sequence {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// The well-formed UTF-8 sequence that starts at byte `offset` of `text`, or nothing when the
// bytes there are not one: a byte that never starts a sequence (80..C1, F5..FF), an overlong
// form, a surrogate, a value above U+10FFFF, or a sequence cut short by a non-continuation
// byte or by the end of `text`.
std::optional<Utf8Sequence> decode_utf8(std::string_view text, std::size_t offset);

// The number of bytes from `offset` to the next code point: the length of the well-formed
// sequence there, or 1 for a byte that is not part of one (it stands for one U+FFFD).
std::size_t code_point_length(std::string_view text, std::size_t offset);

// The offset of the first byte of `text` that does not start a well-formed UTF-8 sequence, or
// std::string_view::npos when all of `text` is UTF-8.
std::size_t first_invalid_utf8(std::string_view text);

// The number of code points in `text`, each byte that is not UTF-8 counting as one, as it
// would once replaced by U+FFFD (Go's utf8.RuneCountInString counts the same way).
std::size_t code_point_count(std::string_view text);

// The byte offset at which each code point of `text` starts, counted as code_point_count
// does, followed by text.size(): so code point i is bytes [offsets[i], offsets[i + 1]).
std::vector<std::size_t> code_point_offsets(std::string_view text);

// Appends the UTF-8 encoding of `code_point`, which must be a Unicode scalar value (at most
// U+10FFFF and not a surrogate), to `out`.
void append_utf8(std::string& out, char32_t code_point);

// `text` without a leading UTF-8 byte order mark, which says nothing about a document.
std::string_view without_bom(std::string_view text);

// Whether `code_point` is one of Unicode's 66 noncharacters: U+FDD0..U+FDEF and the last two
// code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ..., U+10FFFF).
bool is_noncharacter(char32_t code_point);

}  // namespace ppsaudit::text
