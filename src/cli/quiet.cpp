#include "cli/quiet.hpp"

#include <array>
#include <string_view>

namespace ppsaudit {

bool quiet_keeps(const std::string& line) {
  static constexpr std::array<std::string_view, 3> k_words{": error: ", ": warning: ", ": note: "};
  std::size_t first = std::string::npos;
  std::string_view word;
  for (const auto candidate : k_words) {
    if (const auto at = line.find(candidate); at < first) {
      first = at;
      word = candidate;
    }
  }
  return first == std::string::npos || word == k_words[0];
}

ErrorsOnlyBuffer::~ErrorsOnlyBuffer() {
  if (!m_line.empty()) {
    end_line();
  }
  m_target.flush();
}

void ErrorsOnlyBuffer::end_line() {
  if (quiet_keeps(m_line)) {
    m_target << m_line << '\n';
  }
  m_line.clear();
}

ErrorsOnlyBuffer::int_type ErrorsOnlyBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) {
    return traits_type::not_eof(c);
  }
  const char ch = traits_type::to_char_type(c);
  if (ch == '\n') {
    end_line();
  } else {
    m_line += ch;
  }
  return c;
}

std::streamsize ErrorsOnlyBuffer::xsputn(const char* text, std::streamsize count) {
  for (std::streamsize i = 0; i < count; ++i) {
    overflow(traits_type::to_int_type(text[i]));
  }
  return count;
}

int ErrorsOnlyBuffer::sync() {
  m_target.flush();
  return 0;
}

}  // namespace ppsaudit
