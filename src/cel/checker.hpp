#pragma once

// Internal to src/cel: the type checker behind compile().

#include <variant>

#include "cel/ast.hpp"
#include "cel/env.hpp"
#include "cel/parser.hpp"

namespace ppsaudit::cel {

// The expression's type, or the first error: an undeclared name, an unknown field of a declared
// object type, or a call with no matching overload.
std::variant<Type, CompileError> check(const Expr& expr, const Env& env);

}  // namespace ppsaudit::cel
