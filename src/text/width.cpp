#include "text/width.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/bounded_text.hpp"
#include "text/utf8.hpp"

namespace ppsaudit::text {

namespace {

using Range = std::pair<char32_t, char32_t>;

// Combining marks and characters that take no column of their own.
constexpr std::array k_zero_width{
    Range{0x0300, 0x036f}, Range{0x0483, 0x0489}, Range{0x0591, 0x05bd},   Range{0x05bf, 0x05c7}, Range{0x0610, 0x061c},
    Range{0x064b, 0x065f}, Range{0x0670, 0x0670}, Range{0x06d6, 0x06ed},   Range{0x0900, 0x0903}, Range{0x093a, 0x094f},
    Range{0x0e31, 0x0e31}, Range{0x0e34, 0x0e3a}, Range{0x0e47, 0x0e4e},   Range{0x1ab0, 0x1aff}, Range{0x1dc0, 0x1dff},
    Range{0x200b, 0x200f}, Range{0x2028, 0x202e}, Range{0x2060, 0x206f},   Range{0x20d0, 0x20ff}, Range{0xfe00, 0xfe0f},
    Range{0xfe20, 0xfe2f}, Range{0xfeff, 0xfeff}, Range{0xe0100, 0xe01ef},
};

// East Asian wide and full-width characters, and the emoji blocks terminals draw two wide.
constexpr std::array k_wide{
    Range{0x1100, 0x115f},   Range{0x231a, 0x231b},   Range{0x2329, 0x232a},   Range{0x2e80, 0x303e},
    Range{0x3041, 0x33ff},   Range{0x3400, 0x4dbf},   Range{0x4e00, 0x9fff},   Range{0xa000, 0xa4cf},
    Range{0xac00, 0xd7a3},   Range{0xf900, 0xfaff},   Range{0xfe10, 0xfe19},   Range{0xfe30, 0xfe6f},
    Range{0xff00, 0xff60},   Range{0xffe0, 0xffe6},   Range{0x1f300, 0x1f64f}, Range{0x1f900, 0x1f9ff},
    Range{0x20000, 0x2fffd}, Range{0x30000, 0x3fffd},
};

template <std::size_t n>
bool in(const std::array<Range, n>& ranges, char32_t code_point) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const Range& range) { return code_point >= range.first && code_point <= range.second; });
}

// The width of the code point at `offset`, 1 for a byte that is not UTF-8.
std::size_t width_at(std::string_view text, std::size_t offset) {
  const auto sequence = decode_utf8(text, offset);
  return sequence ? code_point_width(sequence->code_point) : 1;
}

}  // namespace

std::size_t code_point_width(char32_t code_point) {
  if (in(k_zero_width, code_point)) {
    return 0;
  }
  return in(k_wide, code_point) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); i += code_point_length(text, i)) {
    width += width_at(text, i);
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  // Keep what fits in one column less, leaving room for the ellipsis.
  std::size_t width = 0;
  std::size_t end = 0;
  while (end < text.size() && width + width_at(text, end) <= columns - 1) {
    width += width_at(text, end);
    end += code_point_length(text, end);
  }
  return std::string(text.substr(0, end)) + std::string(k_ellipsis);
}

std::string fit_to_width(std::string_view text, std::size_t columns) {
  std::string out = cut_to_width(text, columns);
  out.append(columns - std::min(columns, display_width(out)), ' ');
  return out;
}

std::string wrap_to_width(std::string_view first, std::size_t first_width, std::string_view text, std::string_view next,
                          std::size_t columns) {
  std::string out(first);
  std::size_t used = first_width;
  const std::size_t next_width = display_width(next);
  bool line_has_words = false;
  const auto new_line = [&] {
    out += '\n';
    out += next;
    used = next_width;
    line_has_words = false;
  };
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == ' ') {
      ++at;
      continue;
    }
    const std::size_t end = std::min(text.find(' ', at), text.size());
    std::string_view word = text.substr(at, end - at);
    at = end;
    std::size_t width = display_width(word);
    if (line_has_words && used + 1 + width > columns) {
      new_line();
    } else if (line_has_words) {
      out += ' ';
      ++used;
    }
    // A word longer than what is left of a line that holds no word yet: as much as fits, then
    // the rest on the next lines (at least one code point a line, so it always moves on).
    while (used + width > columns) {
      std::size_t cut = 0;
      std::size_t taken = 0;
      while (cut < word.size() && (cut == 0 || used + taken + width_at(word, cut) <= columns)) {
        taken += width_at(word, cut);
        cut += code_point_length(word, cut);
      }
      if (cut == word.size()) {
        break;
      }
      out += word.substr(0, cut);
      word.remove_prefix(cut);
      width -= taken;
      new_line();
    }
    out += word;
    used += width;
    line_has_words = true;
  }
  out += '\n';
  return out;
}

}  // namespace ppsaudit::text
