#pragma once

// Internal to src/cel: the tree-walking evaluator behind Program::evaluate.

#include "cel/ast.hpp"
#include "cel/env.hpp"
#include "cel/program.hpp"

namespace ppsaudit::cel {

// Evaluates a parsed expression; errors come back as error values carrying an offset.
Value evaluate_expr(const Expr& expr, const Env& env, const Activation& activation, EvalContext& context);

}  // namespace ppsaudit::cel
