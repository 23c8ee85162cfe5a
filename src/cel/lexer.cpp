#include "cel/lexer.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

#include "text/utf8.hpp"

namespace ppsaudit::cel {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) {
  return is_ident_start(c) || is_digit(c);
}

int hex_value(char c) {
  if (is_digit(c)) {
    return c - '0';
  }
  return (c >= 'a' ? c - 'a' : c - 'A') + 10;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skip_space_and_comments();
      Token token = next();
      const bool stop = token.kind == TokenKind::end || token.kind == TokenKind::error;
      tokens.push_back(std::move(token));
      if (stop) {
        return tokens;
      }
    }
  }

 private:
  void skip_space_and_comments() {
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++m_pos;
      } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
          ++m_pos;
        }
      } else {
        return;
      }
    }
  }

  Token make(TokenKind kind, std::size_t start) {
    Token token;
    token.kind = kind;
    token.offset = start;
    token.text = m_text.substr(start, m_pos - start);
    return token;
  }

  Token error(std::size_t at, std::string message) {
    Token token;
    token.kind = TokenKind::error;
    token.offset = at;
    token.string_value = std::move(message);
    return token;
  }

  char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }

  Token next() {
    const std::size_t start = m_pos;
    if (m_pos >= m_text.size()) {
      return make(TokenKind::end, start);
    }
    const char c = peek();
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      return number();
    }
    if (is_ident_start(c)) {
      // String prefixes: r"raw", b"bytes" (bytes are left out).
      std::size_t quote_at = m_pos;
      bool raw = false;
      bool bytes = false;
      while (
          quote_at < m_text.size() && quote_at - m_pos < 2 &&
          (m_text[quote_at] == 'r' || m_text[quote_at] == 'R' || m_text[quote_at] == 'b' || m_text[quote_at] == 'B')) {
        raw = raw || m_text[quote_at] == 'r' || m_text[quote_at] == 'R';
        bytes = bytes || m_text[quote_at] == 'b' || m_text[quote_at] == 'B';
        ++quote_at;
      }
      if (quote_at < m_text.size() && (m_text[quote_at] == '"' || m_text[quote_at] == '\'')) {
        if (bytes) {
          return error(start, "bytes literals are not supported");
        }
        m_pos = quote_at;
        return string_literal(start, raw);
      }
      while (is_ident_char(peek())) {
        ++m_pos;
      }
      return make(TokenKind::ident, start);
    }
    if (c == '"' || c == '\'') {
      return string_literal(start, false);
    }
    if (c == '`') {
      ++m_pos;
      while (m_pos < m_text.size() && m_text[m_pos] != '`' && m_text[m_pos] != '\n') {
        ++m_pos;
      }
      if (peek() != '`') {
        return error(start, "unterminated quoted identifier");
      }
      ++m_pos;
      Token token = make(TokenKind::quoted_ident, start);
      token.string_value = std::string(m_text.substr(start + 1, m_pos - start - 2));
      if (token.string_value.empty()) {
        return error(start, "empty quoted identifier");
      }
      return token;
    }
    static constexpr std::string_view k_two[] = {"==", "!=", "<=", ">=", "&&", "||"};
    for (const auto op : k_two) {
      if (m_text.substr(m_pos, 2) == op) {
        m_pos += 2;
        return make(TokenKind::punct, start);
      }
    }
    if (std::string_view("<>+-*/%!?:.,()[]{}").find(c) != std::string_view::npos) {
      ++m_pos;
      return make(TokenKind::punct, start);
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      return error(start, "unexpected character in expression");
    }
    return error(start, "unexpected character '" + std::string(1, c) + "'");
  }

  Token number() {
    const std::size_t start = m_pos;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      m_pos += 2;
      std::uint64_t value = 0;
      bool overflow = false;
      const std::size_t digits_at = m_pos;
      while (is_hex(peek())) {
        overflow = overflow || value > (UINT64_MAX >> 4);
        value = (value << 4) | static_cast<std::uint64_t>(hex_value(peek()));
        ++m_pos;
      }
      if (m_pos == digits_at) {
        return error(start, "malformed hexadecimal literal");
      }
      return finish_int(start, value, overflow);
    }
    while (is_digit(peek())) {
      ++m_pos;
    }
    bool is_double = false;
    if (peek() == '.' && is_digit(peek(1))) {
      is_double = true;
      ++m_pos;
      while (is_digit(peek())) {
        ++m_pos;
      }
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      is_double = true;
      m_pos += 2;
      while (is_digit(peek())) {
        ++m_pos;
      }
    }
    if (is_double) {
      Token token = make(TokenKind::double_literal, start);
      const std::string text(token.text);
      token.double_value = std::strtod(text.c_str(), nullptr);  // ERANGE gives 0 or inf, as IEEE says
      return token;
    }
    std::uint64_t value = 0;
    bool overflow = false;
    for (std::size_t i = start; i < m_pos; ++i) {
      const auto digit = static_cast<std::uint64_t>(m_text[i] - '0');
      overflow = overflow || value > (UINT64_MAX - digit) / 10;
      value = value * 10 + digit;
    }
    return finish_int(start, value, overflow);
  }

  Token finish_int(std::size_t start, std::uint64_t value, bool overflow) {
    if (peek() == 'u' || peek() == 'U') {
      ++m_pos;
      return error(start, "unsigned integers (uint) are not supported");
    }
    if (overflow || value > 9223372036854775808ULL) {
      return error(start, "integer literal '" + std::string(m_text.substr(start, m_pos - start)) + "' is out of range");
    }
    Token token = make(TokenKind::int_literal, start);
    token.int_value = value;
    return token;
  }

  Token string_literal(std::size_t start, bool raw) {
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    std::string value;
    while (true) {
      if (m_pos >= m_text.size()) {
        return error(start, "unterminated string literal");
      }
      const char c = m_text[m_pos];
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        m_pos += triple ? 3 : 1;
        break;
      }
      if (!triple && (c == '\n' || c == '\r')) {
        return error(start, "unterminated string literal");
      }
      if (c == '\\' && !raw) {
        const std::size_t escape_at = m_pos;
        if (!escape(value)) {
          return error(escape_at, "invalid escape sequence in string literal");
        }
        continue;
      }
      value += c;
      ++m_pos;
    }
    Token token = make(TokenKind::string_literal, start);
    token.string_value = std::move(value);
    return token;
  }

  bool escape(std::string& out) {
    ++m_pos;  // the backslash
    const char c = peek();
    ++m_pos;
    switch (c) {
      case 'a':
        out += '\a';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'v':
        out += '\v';
        return true;
      case '\\':
      case '\'':
      case '"':
      case '`':
      case '?':
        out += c;
        return true;
      case 'x':
      case 'X':
        return code_point(out, 2);
      case 'u':
        return code_point(out, 4);
      case 'U':
        return code_point(out, 8);
      default:
        break;
    }
    if (c >= '0' && c <= '3' && peek() >= '0' && peek() <= '7' && peek(1) >= '0' && peek(1) <= '7') {
      const auto value = static_cast<std::uint32_t>((c - '0') * 64 + (peek() - '0') * 8 + (peek(1) - '0'));
      m_pos += 2;
      text::append_utf8(out, value);
      return true;
    }
    return false;
  }

  bool code_point(std::string& out, std::size_t digits) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      if (!is_hex(peek())) {
        return false;
      }
      value = (value << 4) | static_cast<std::uint32_t>(hex_value(peek()));
      ++m_pos;
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return false;
    }
    text::append_utf8(out, value);
    return true;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  return Lexer(text).run();
}

}  // namespace ppsaudit::cel
