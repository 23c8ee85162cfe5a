#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/printable.hpp"

namespace ppsaudit {

// Whether reports on a terminal are coloured: `automatic` colours only a terminal, and
// never when NO_COLOR is set (https://no-color.org).
enum class ColorMode { automatic, always, never };

// Whether standard output is a terminal, where a binary report (xlsx) is refused.
bool stdout_is_terminal();

// The --color words, in the order --help lists them.
const std::vector<std::pair<std::string_view, ColorMode>>& color_words();

// Decides once, for standard output: `automatic` is no colour when NO_COLOR is set, when
// standard output is not a terminal, or when TERM is "dumb" (a terminal that cannot show it).
bool use_color(ColorMode mode);

// The columns of the text report on standard output: the terminal's width (40 to 250) when
// standard output is one, otherwise 100. Reports written to files are always 100 wide, so
// that they are the same whoever runs them.
std::size_t text_width();

}  // namespace ppsaudit
