#pragma once

#include <string>
#include <string_view>

#include "text/printable.hpp"

namespace ppsaudit {

// Whether reports on a terminal are coloured: `automatic` colours only a terminal, and
// never when NO_COLOR is set (https://no-color.org).
enum class ColorMode { automatic, always, never };

// Decides once, for standard output.
bool use_color(ColorMode mode);

}  // namespace ppsaudit
