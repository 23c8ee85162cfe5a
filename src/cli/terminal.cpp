#include "cli/terminal.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

namespace ppsaudit {

bool use_color(ColorMode mode) {
  switch (mode) {
    case ColorMode::always:
      return true;
    case ColorMode::never:
      return false;
    case ColorMode::automatic:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) == 1;
}

}  // namespace ppsaudit
