#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cel/type.hpp"
#include "cel/value.hpp"

namespace ppsaudit::cel {

class EvalContext;

// How many bytes of text read cost one unit of the evaluation's budget.
inline constexpr std::size_t k_bytes_per_unit = 16;

// A host function body: it gets the evaluated arguments (the receiver first, for a receiver
// call) and returns a value, or Value::error(...) to fail the evaluation.
using FunctionImpl = std::function<Value(std::span<const Value>, EvalContext&)>;

// One signature of a function. Type parameters (Type::param("A")) bind to the same type
// across a signature; at run time the overload whose parameter kinds match the arguments runs.
struct Overload {
  std::string id;  // unique within the function, e.g. "size_string"
  std::vector<Type> params;
  Type result;
  FunctionImpl impl;
};

// Every overload of one function name, global (`size(x)`) and receiver-style (`x.size()`).
struct FunctionDecl {
  std::string name;
  std::vector<Overload> global;
  std::vector<Overload> receiver;
};

// A declared record type: field selection on it is checked against these fields.
struct ObjectTypeDecl {
  std::string name;
  std::vector<std::pair<std::string, Type>> fields;

  [[nodiscard]] const Type* find_field(std::string_view field) const;
};

// What an expression can refer to: variables, object and opaque types, functions. The host
// (the rule engine) declares its domain on top of Env::standard().
class Env {
 public:
  // CEL's standard operators, macros' helpers, conversions, string and time functions.
  static Env standard();

  void declare_variable(std::string name, Type type);
  void declare_object_type(ObjectTypeDecl type);
  void declare_opaque_type(std::string name);
  // Adds a global overload (`f(a, b)`).
  void declare_function(std::string name, Overload overload);
  // Adds a receiver overload (`a.f(b)`); params[0] is the receiver's type.
  void declare_receiver_function(std::string name, Overload overload);

  [[nodiscard]] const Type* find_variable(std::string_view name) const;
  [[nodiscard]] const ObjectTypeDecl* find_object_type(std::string_view name) const;
  [[nodiscard]] bool has_opaque_type(std::string_view name) const;
  [[nodiscard]] const FunctionDecl* find_function(std::string_view name) const;

  // Names for did-you-mean suggestions.
  [[nodiscard]] std::vector<std::string> variable_names() const;
  [[nodiscard]] std::vector<std::string> function_names() const;

 private:
  std::map<std::string, Type, std::less<>> m_variables;
  std::map<std::string, ObjectTypeDecl, std::less<>> m_object_types;
  std::map<std::string, bool, std::less<>> m_opaque_types;
  std::map<std::string, FunctionDecl, std::less<>> m_functions;
};

// The per-evaluation state a host function may use: the cost budget it should charge for
// work proportional to its input, and the offset of the call being evaluated.
class EvalContext {
 public:
  explicit EvalContext(std::uint64_t budget, const void* host = nullptr) : m_budget(budget), m_host(host) {}

  // Adds to the cost; false (and the evaluation stops) once the budget is exceeded.
  bool charge(std::uint64_t cost);
  // Charges for reading `bytes` of text (comparing, counting, hashing): one unit per
  // k_bytes_per_unit bytes, since scanning a byte is cheap next to evaluating a node.
  bool charge_bytes(std::size_t bytes) { return charge(bytes / k_bytes_per_unit); }
  [[nodiscard]] bool exhausted() const { return m_exhausted; }
  [[nodiscard]] std::uint64_t budget() const { return m_budget; }
  [[nodiscard]] std::uint64_t spent() const { return m_spent; }
  // The error every evaluation returns once the budget is gone.
  [[nodiscard]] std::string budget_message() const;
  // What the host passed for this evaluation (EvalOptions::host), for its own functions.
  [[nodiscard]] const void* host() const { return m_host; }

 private:
  std::uint64_t m_budget;
  std::uint64_t m_spent = 0;
  bool m_exhausted = false;
  const void* m_host = nullptr;
};

}  // namespace ppsaudit::cel
