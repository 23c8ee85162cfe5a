#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "cel/ast.hpp"

namespace ppsaudit::cel {

// A parse or check error at a byte offset in the expression.
struct CompileError {
  std::string message;
  std::size_t offset = 0;
};

// Bounds that keep a hostile expression from exhausting memory or the stack.
struct ParseLimits {
  std::size_t max_length = std::size_t{64} * 1024;  // bytes of expression text
  int max_nesting = 200;                            // parentheses, brackets, braces and call arguments
  int max_height = 1000;                            // height of the tree, e.g. a chain of `&&`
};

// Parses one expression, expanding the macros (has, all, exists, exists_one, map, filter).
std::variant<ExprPtr, CompileError> parse(std::string_view text, const ParseLimits& limits = {});

}  // namespace ppsaudit::cel
