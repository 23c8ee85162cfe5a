#include "text/control.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace ppsaudit::text {

bool is_control(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7f && code_point <= 0x9f);
}

std::optional<ControlCharacter> control_at(std::string_view text, std::size_t offset) {
  const auto sequence = decode_utf8(text, offset);
  if (!sequence || !is_control(sequence->code_point)) {
    return std::nullopt;
  }
  return ControlCharacter{sequence->code_point, sequence->length};
}

std::string control_escape(char32_t code_point, Backslash backslash) {
  const std::string_view prefix = backslash == Backslash::doubled ? "\\\\" : "\\";
  const auto value = static_cast<std::uint32_t>(code_point);
  return code_point < 0x80 ? fmt::format("{}x{:02x}", prefix, value) : fmt::format("{}u{:04x}", prefix, value);
}

}  // namespace ppsaudit::text
