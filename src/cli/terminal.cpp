#include "cli/terminal.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

namespace ppsaudit {

const std::vector<std::pair<std::string_view, ColorMode>>& color_words() {
  static const std::vector<std::pair<std::string_view, ColorMode>> k_words{
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  return k_words;
}

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) == 1;
}

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
