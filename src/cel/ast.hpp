#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cel/value.hpp"

namespace ppsaudit::cel {

enum class ExprKind { literal, ident, select, call, list, map, comprehension };

// The macros, kept as their own nodes rather than expanded into CEL's generic comprehension.
enum class MacroKind { none, all, exists, exists_one, map, filter };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// One node of a parsed expression; `offset` is the byte offset that errors point at (the
// operator of a binary expression, the dot of a selection, the name of a call).
struct Expr {
  ExprKind kind = ExprKind::literal;
  std::size_t offset = 0;
  Value literal;              // literal
  std::string name;           // ident; select field; call function; comprehension variable
  ExprPtr operand;            // select operand; call receiver (may be null); comprehension range
  std::vector<ExprPtr> args;  // call arguments; list elements; map keys and values alternating;
                              // comprehension: the body, then for map(x, p, t) the transform
  bool test_only = false;     // select inside has()
  MacroKind macro = MacroKind::none;
  int depth = 1;  // height of the subtree, bounded by the parser
};

}  // namespace ppsaudit::cel
