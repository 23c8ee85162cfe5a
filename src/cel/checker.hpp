#pragma once

// Internal to src/cel: the type checker behind compile().

#include <variant>
#include <vector>

#include "cel/ast.hpp"
#include "cel/env.hpp"
#include "cel/parser.hpp"

namespace ppsaudit::cel {

// The expression's type, or every error in it: undeclared names, unknown fields of declared
// object types, calls with no matching overload.
std::variant<Type, std::vector<CompileError>> check(const Expr& expr, const Env& env);

}  // namespace ppsaudit::cel
