#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ppsaudit::text {

// The columns a terminal gives `code_point`: 0 for combining marks, variation selectors and
// zero-width characters, 2 for East Asian wide and full-width characters and emoji, 1 for the
// rest. A table of the main blocks, not the whole of Unicode's East Asian Width data.
std::size_t code_point_width(char32_t code_point);

// The columns `text` takes on a terminal; a byte that is not UTF-8 counts as one column.
std::size_t display_width(std::string_view text);

// `text` cut to at most `columns` display columns, between code points (never inside a UTF-8
// sequence) and keeping the combining marks of the last character kept; when it cuts, the
// result ends in k_ellipsis "…" (one column), still within `columns`.
std::string cut_to_width(std::string_view text, std::size_t columns);

// `text` cut to `columns` as cut_to_width does, then padded with spaces to exactly `columns`
// display columns, for a table's left-aligned column.
std::string fit_to_width(std::string_view text, std::size_t columns);

// `text` laid out in lines of at most `columns` display columns, each ended by "\n": the first
// line starts with `first` (which takes `first_width` columns: it may hold colour codes), the
// others with `next` (plain spaces, say). Lines break at spaces; a word longer than a line (a
// path, a URL) breaks between code points. Nothing is dropped: the words, joined by single
// spaces, are `text`'s.
std::string wrap_to_width(std::string_view first, std::size_t first_width, std::string_view text, std::string_view next,
                          std::size_t columns);

}  // namespace ppsaudit::text
