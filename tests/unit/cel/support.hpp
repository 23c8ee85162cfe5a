#pragma once

// Helpers shared by the CEL unit tests: compile and run an expression from a string.

#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "cel/program.hpp"

namespace ppsaudit::cel::testing {

// The outcome of compiling and evaluating, flattened for doctest: "value: <literal>",
// "compile error at N: <message>" (several joined by "; ") or "eval error at N: <message>".
inline std::string run(const std::shared_ptr<const Env>& env, std::string_view text, const Activation& activation = {},
                       const EvalOptions& options = {}) {
  auto compiled = compile(env, text);
  if (const auto* errors = std::get_if<std::vector<CompileError>>(&compiled)) {
    std::string out;
    for (const auto& error : *errors) {
      out += (out.empty() ? "" : "; ") + ("compile error at " + std::to_string(error.offset) + ": " + error.message);
    }
    return out;
  }
  const Value value = std::get<Program>(compiled).evaluate(activation, options);
  if (const auto* error = value.as_error()) {
    return "eval error at " + std::to_string(error->offset) + ": " + error->message;
  }
  return "value: " + to_cel_literal(value);
}

inline std::shared_ptr<const Env> standard_env() {
  static const auto k_env = std::make_shared<const Env>(Env::standard());
  return k_env;
}

inline std::string run(std::string_view text) {
  return run(standard_env(), text);
}

}  // namespace ppsaudit::cel::testing
