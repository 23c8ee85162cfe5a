#pragma once

// Internal to src/cel: the parts of Env::standard(), one file per family of functions.

#include <string>
#include <utility>
#include <vector>

#include "cel/env.hpp"

namespace ppsaudit::cel {

void add_operators(Env& env);
void add_string_functions(Env& env);
// cel-go's strings extension: substring, indexOf, lowerAscii, upperAscii, trim, replace, split, join.
void add_string_extensions(Env& env);
void add_conversions(Env& env);
void add_time_functions(Env& env);

inline Overload overload(std::string id, std::vector<Type> params, Type result, FunctionImpl impl) {
  return Overload{std::move(id), std::move(params), std::move(result), std::move(impl)};
}

// The common shapes of built-in signatures.
inline Type param_a() {
  return Type::param("A");
}
inline Type param_b() {
  return Type::param("B");
}

// Numeric comparison across int and double by mathematical value: -1, 0, 1, or 2 (unordered).
int compare_numbers(const Value& a, const Value& b);

}  // namespace ppsaudit::cel
