#include "cli/terminal.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>
#include <sys/ioctl.h>
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
  const char* term = std::getenv("TERM");
  return (no_color == nullptr || *no_color == '\0') && (term == nullptr || std::string_view(term) != "dumb") &&
         isatty(STDOUT_FILENO) == 1;
}

std::size_t text_width() {
  winsize size{};
  if (isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return std::clamp<std::size_t>(size.ws_col, 40, 250);
  }
  return 100;
}

}  // namespace ppsaudit
