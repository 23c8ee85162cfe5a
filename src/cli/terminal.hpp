#pragma once

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

// Decides once, for standard output.
bool use_color(ColorMode mode);

}  // namespace ppsaudit
