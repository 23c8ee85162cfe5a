#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ppsaudit::cel {

enum class TokenKind { end, ident, quoted_ident, int_literal, double_literal, string_literal, punct, error };

// One token; literals carry their decoded value, errors their message.
struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t offset = 0;
  std::string_view text;        // as written
  std::string string_value;     // decoded string literal, quoted identifier, or error message
  std::uint64_t int_value = 0;  // magnitude of an int literal (2^63 allowed, for a leading '-')
  double double_value = 0;
};

// Splits an expression into tokens, ending with one `end` token (or stopping at an `error`).
std::vector<Token> tokenize(std::string_view text);

}  // namespace ppsaudit::cel
