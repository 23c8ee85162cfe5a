#include "text/printable.hpp"

#include "text/control.hpp"
#include "text/utf8.hpp"

namespace ppsaudit {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const auto control = text::control_at(text, i)) {
      out += text::control_escape(control->code_point);
      i += control->length;
    } else if (const auto sequence = text::decode_utf8(text, i)) {
      out += text.substr(i, sequence->length);
      i += sequence->length;
    } else {
      out += text::byte_escape(static_cast<unsigned char>(text[i++]));
    }
  }
  return out;
}

std::string printable_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    out += printable(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    out += '\n';
    start = end + 1;
  }
}

}  // namespace ppsaudit
