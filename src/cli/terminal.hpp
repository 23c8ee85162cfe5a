#pragma once

#include <string>
#include <string_view>

namespace ppsaudit {

// Whether reports on a terminal are coloured: `automatic` colours only a terminal, and
// never when NO_COLOR is set (https://no-color.org).
enum class ColorMode { automatic, always, never };

// Decides once, for standard output.
bool use_color(ColorMode mode);

// Text from an input file made safe to print on a terminal: control characters (escape
// sequences, carriage returns, newlines, C1 controls) become visible escapes such as "\x1b",
// so a hostile service name cannot rewrite the screen.
std::string printable(std::string_view text);

}  // namespace ppsaudit
