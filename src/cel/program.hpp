#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cel/ast.hpp"
#include "cel/env.hpp"
#include "cel/parser.hpp"
#include "cel/value.hpp"

namespace ppsaudit::cel {

// Steps (node evaluations and comprehension iterations) plus bytes and elements built: enough
// for any sensible rule (a million), small enough to stop a hostile one in well under a second.
inline constexpr std::uint64_t k_default_cost_budget = 1'000'000;

// The values of the variables for one evaluation.
class Activation {
 public:
  void bind(std::string name, Value value);
  [[nodiscard]] const Value* find(std::string_view name) const;

 private:
  std::map<std::string, Value, std::less<>> m_values;
};

struct CompileOptions {
  ParseLimits limits;
  // Type-check before evaluation; only the conformance suite turns this off, where upstream does.
  bool check = true;
};

struct EvalOptions {
  std::uint64_t cost_budget = k_default_cost_budget;
  // Handed to host functions through EvalContext::host(): the audit in progress, so that one
  // environment serves every service (and, later, every thread).
  const void* host = nullptr;
};

// A parsed and checked expression, ready to evaluate many times against different activations.
class Program {
 public:
  Program(std::shared_ptr<const Env> env, std::shared_ptr<const Expr> expr, Type type)
      : m_env(std::move(env)), m_expr(std::move(expr)), m_type(std::move(type)) {}

  // What the checker inferred (dyn when unchecked).
  [[nodiscard]] const Type& result_type() const { return m_type; }

  // The value, or an error value whose offset points into the expression. Never throws for
  // anything an expression can do; the cost budget bounds the work.
  [[nodiscard]] Value evaluate(const Activation& activation, const EvalOptions& options = {}) const;
  // The same, charging a budget the caller keeps, so that several evaluations (the parts of a
  // rule's message) share one.
  [[nodiscard]] Value evaluate(const Activation& activation, EvalContext& context) const;

 private:
  std::shared_ptr<const Env> m_env;
  std::shared_ptr<const Expr> m_expr;
  Type m_type;
};

// Parses and (unless told otherwise) type-checks an expression against an environment. On
// failure: the parse error, or every type error, in the order of the text.
std::variant<Program, std::vector<CompileError>> compile(std::shared_ptr<const Env> env, std::string_view expression,
                                                         const CompileOptions& options = {});

// A 1-based line and column (in bytes) within the expression text.
struct TextPosition {
  int line = 1;
  int column = 1;
};

// Where a byte offset falls in a (possibly multi-line) expression, so callers can map an error
// to the rule file: add line - 1 to the expression's first line.
TextPosition position_in(std::string_view text, std::size_t offset);

}  // namespace ppsaudit::cel
