#include "text/control.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace ppsaudit::text {

bool is_control(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7f && code_point <= 0x9f);
}

bool is_invisible(char32_t code_point) {
  return code_point == 0x061c || (code_point >= 0x200b && code_point <= 0x200f) ||
         (code_point >= 0x2028 && code_point <= 0x202e) || code_point == 0x2060 ||
         (code_point >= 0x2066 && code_point <= 0x2069) || code_point == 0xfeff;
}

bool needs_escape(char32_t code_point) {
  return is_control(code_point) || is_invisible(code_point);
}

std::optional<ControlCharacter> control_at(std::string_view text, std::size_t offset) {
  const auto sequence = decode_utf8(text, offset);
  if (!sequence || !needs_escape(sequence->code_point)) {
    return std::nullopt;
  }
  return ControlCharacter{sequence->code_point, sequence->length};
}

std::string control_escape(char32_t code_point, Backslash backslash) {
  const std::string_view prefix = backslash == Backslash::doubled ? "\\\\" : "\\";
  const auto value = static_cast<std::uint32_t>(code_point);
  return code_point < 0x80 ? fmt::format("{}x{:02x}", prefix, value) : fmt::format("{}u{:04x}", prefix, value);
}

std::string byte_escape(unsigned char byte) {
  return fmt::format("\\x{:02x}", byte);
}

}  // namespace ppsaudit::text
