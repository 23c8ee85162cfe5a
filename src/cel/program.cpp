#include "cel/program.hpp"

#include <algorithm>

#include "cel/checker.hpp"
#include "cel/evaluator.hpp"

namespace ppsaudit::cel {

void Activation::bind(std::string name, Value value) {
  m_values.insert_or_assign(std::move(name), std::move(value));
}

const Value* Activation::find(std::string_view name) const {
  const auto found = m_values.find(name);
  return found == m_values.end() ? nullptr : &found->second;
}

Value Program::evaluate(const Activation& activation, const EvalOptions& options) const {
  EvalContext context(options.cost_budget, options.host);
  return evaluate_expr(*m_expr, *m_env, activation, context);
}

Value Program::evaluate(const Activation& activation, EvalContext& context) const {
  return evaluate_expr(*m_expr, *m_env, activation, context);
}

std::variant<Program, std::vector<CompileError>> compile(std::shared_ptr<const Env> env, std::string_view expression,
                                                         const CompileOptions& options) {
  auto parsed = parse(expression, options.limits);
  if (auto* error = std::get_if<CompileError>(&parsed)) {
    return std::vector<CompileError>{*error};
  }
  std::shared_ptr<const Expr> expr = std::move(std::get<ExprPtr>(parsed));
  Type type = Type::dyn();
  if (options.check) {
    auto checked = check(*expr, *env);
    if (auto* errors = std::get_if<std::vector<CompileError>>(&checked)) {
      std::stable_sort(errors->begin(), errors->end(),
                       [](const CompileError& a, const CompileError& b) { return a.offset < b.offset; });
      // A macro's expansion can hold one source node in two places; report it once.
      errors->erase(std::unique(errors->begin(), errors->end(),
                                [](const CompileError& a, const CompileError& b) {
                                  return a.offset == b.offset && a.message == b.message;
                                }),
                    errors->end());
      return std::move(*errors);
    }
    type = std::get<Type>(checked);
  }
  return Program(std::move(env), std::move(expr), std::move(type));
}

TextPosition position_in(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

}  // namespace ppsaudit::cel
