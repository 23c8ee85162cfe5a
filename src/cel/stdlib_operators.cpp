// Arithmetic, comparison, membership and size: CEL's operators as overloads.
#include <algorithm>
#include <cmath>
#include <optional>

#include "cel/stdlib.hpp"
#include "text/utf8.hpp"

namespace ppsaudit::cel {

namespace {

Value overflow() {
  return Value::error("integer overflow");
}

std::int64_t int_of(const Value& value) {
  return *value.get<std::int64_t>();
}
double double_of(const Value& value) {
  return *value.get<double>();
}

// As the conformance suite expects, the int is converted to double first (lossy near 2^63).
int compare_int_double(std::int64_t i, double d) {
  if (std::isnan(d)) {
    return 2;
  }
  const auto as_double = static_cast<double>(i);
  return as_double < d ? -1 : (as_double > d ? 1 : 0);
}

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// A comparison's answer as a value; nothing (the budget ran out mid-way) is the budget error.
Value answer(std::optional<bool> result, EvalContext& context) {
  return result ? Value::boolean(*result) : Value::error(context.budget_message());
}

// The overloads of one ordering operator, given how to read a three-way result.
void add_ordering(Env& env, const std::string& name, const std::string& id, bool (*accept)(int)) {
  auto compare = [accept](std::span<const Value> args, EvalContext&) {
    return Value::boolean(accept(compare_numbers(args[0], args[1])));
  };
  const std::pair<Kind, Type> kinds[] = {{Kind::boolean, Type::boolean()},
                                         {Kind::string, Type::string()},
                                         {Kind::timestamp, Type::timestamp()},
                                         {Kind::duration, Type::duration()}};
  env.declare_function(name, overload(id + "_int64", {Type::integer(), Type::integer()}, Type::boolean(), compare));
  env.declare_function(name, overload(id + "_double", {Type::floating(), Type::floating()}, Type::boolean(), compare));
  env.declare_function(name,
                       overload(id + "_int64_double", {Type::integer(), Type::floating()}, Type::boolean(), compare));
  env.declare_function(name,
                       overload(id + "_double_int64", {Type::floating(), Type::integer()}, Type::boolean(), compare));
  for (const auto& [kind, type] : kinds) {
    env.declare_function(name, overload(id + "_" + type.to_string(), {type, type}, Type::boolean(),
                                        [accept](std::span<const Value> args, EvalContext& context) {
                                          int result = 0;
                                          if (const auto* a = args[0].get<bool>()) {
                                            result = three_way(*a, *args[1].get<bool>());
                                          } else if (const auto* s = args[0].get<std::string>()) {
                                            const auto& t = *args[1].get<std::string>();
                                            if (!context.charge_bytes(std::min(s->size(), t.size()))) {
                                              return Value::error(context.budget_message());
                                            }
                                            result = three_way(*s, t);
                                          } else if (const auto* t = args[0].get<Timestamp>()) {
                                            result = three_way(*t, *args[1].get<Timestamp>());
                                          } else {
                                            result = three_way(*args[0].get<Duration>(), *args[1].get<Duration>());
                                          }
                                          return Value::boolean(accept(result));
                                        }));
  }
}

void add_arithmetic(Env& env) {
  const Type i = Type::integer();
  const Type d = Type::floating();
  env.declare_function(
      "_+_", overload("add_int64", {i, i}, i, [](std::span<const Value> args, EvalContext&) {
        std::int64_t result = 0;
        return __builtin_add_overflow(int_of(args[0]), int_of(args[1]), &result) ? overflow() : Value::integer(result);
      }));
  env.declare_function("_+_", overload("add_double", {d, d}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(double_of(args[0]) + double_of(args[1]));
                       }));
  env.declare_function("_+_", overload("add_string", {Type::string(), Type::string()}, Type::string(),
                                       [](std::span<const Value> args, EvalContext& context) {
                                         const auto& a = *args[0].get<std::string>();
                                         const auto& b = *args[1].get<std::string>();
                                         if (!context.charge(a.size() + b.size())) {
                                           return Value::error(context.budget_message());
                                         }
                                         return Value::string(a + b);
                                       }));
  env.declare_function("_+_", overload("add_list", {Type::list(param_a()), Type::list(param_a())},
                                       Type::list(param_a()), [](std::span<const Value> args, EvalContext& context) {
                                         const List& a = *args[0].as_list();
                                         const List& b = *args[1].as_list();
                                         if (!context.charge(a.size() + b.size())) {
                                           return Value::error(context.budget_message());
                                         }
                                         List joined = a;
                                         joined.insert(joined.end(), b.begin(), b.end());
                                         return Value::list(std::move(joined));
                                       }));
  env.declare_function(
      "_-_", overload("subtract_int64", {i, i}, i, [](std::span<const Value> args, EvalContext&) {
        std::int64_t result = 0;
        return __builtin_sub_overflow(int_of(args[0]), int_of(args[1]), &result) ? overflow() : Value::integer(result);
      }));
  env.declare_function("_-_", overload("subtract_double", {d, d}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(double_of(args[0]) - double_of(args[1]));
                       }));
  env.declare_function(
      "_*_", overload("multiply_int64", {i, i}, i, [](std::span<const Value> args, EvalContext&) {
        std::int64_t result = 0;
        return __builtin_mul_overflow(int_of(args[0]), int_of(args[1]), &result) ? overflow() : Value::integer(result);
      }));
  env.declare_function("_*_", overload("multiply_double", {d, d}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(double_of(args[0]) * double_of(args[1]));
                       }));
  env.declare_function("_/_", overload("divide_int64", {i, i}, i, [](std::span<const Value> args, EvalContext&) {
                         const std::int64_t a = int_of(args[0]);
                         const std::int64_t b = int_of(args[1]);
                         if (b == 0) {
                           return Value::error("division by zero");
                         }
                         if (a == INT64_MIN && b == -1) {
                           return overflow();
                         }
                         return Value::integer(a / b);
                       }));
  env.declare_function("_/_", overload("divide_double", {d, d}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(double_of(args[0]) / double_of(args[1]));
                       }));
  env.declare_function("_%_", overload("modulo_int64", {i, i}, i, [](std::span<const Value> args, EvalContext&) {
                         const std::int64_t a = int_of(args[0]);
                         const std::int64_t b = int_of(args[1]);
                         if (b == 0) {
                           return Value::error("modulus by zero");
                         }
                         if (a == INT64_MIN && b == -1) {
                           return overflow();
                         }
                         return Value::integer(a % b);
                       }));
  env.declare_function("-_", overload("negate_int64", {i}, i, [](std::span<const Value> args, EvalContext&) {
                         const std::int64_t a = int_of(args[0]);
                         return a == INT64_MIN ? overflow() : Value::integer(-a);
                       }));
  env.declare_function("-_", overload("negate_double", {d}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(-double_of(args[0]));
                       }));
}

void add_logic_and_membership(Env& env) {
  const Type b = Type::boolean();
  // `&&`, `||`, `?:` and `[]` are evaluated by the evaluator itself (short-circuit, error
  // absorption, numeric indexes); these declarations are for the checker.
  env.declare_function("_&&_", overload("logical_and", {b, b}, b, nullptr));
  env.declare_function("_||_", overload("logical_or", {b, b}, b, nullptr));
  env.declare_function("_?_:_", overload("conditional", {b, param_a(), param_a()}, param_a(), nullptr));
  env.declare_function("_[_]", overload("index_list", {Type::list(param_a()), Type::integer()}, param_a(), nullptr));
  env.declare_function("_[_]", overload("index_map", {Type::map(param_a(), param_b()), param_a()}, param_b(), nullptr));
  env.declare_function("!_", overload("logical_not", {b}, b, [](std::span<const Value> args, EvalContext&) {
                         return Value::boolean(!*args[0].get<bool>());
                       }));
  env.declare_function(
      "_==_", overload("equals", {param_a(), param_a()}, b, [](std::span<const Value> args, EvalContext& context) {
        return answer(equals(args[0], args[1], context), context);
      }));
  env.declare_function(
      "_!=_", overload("not_equals", {param_a(), param_a()}, b, [](std::span<const Value> args, EvalContext& context) {
        const auto same = equals(args[0], args[1], context);
        return answer(same ? std::optional<bool>(!*same) : std::nullopt, context);
      }));
  env.declare_function("@in", overload("in_list", {param_a(), Type::list(param_a())}, b,
                                       [](std::span<const Value> args, EvalContext& context) {
                                         for (const Value& element : *args[1].as_list()) {
                                           const auto same = equals(args[0], element, context);
                                           if (!same || *same) {
                                             return answer(same, context);
                                           }
                                         }
                                         return Value::boolean(false);
                                       }));
  env.declare_function("@in", overload("in_map", {param_a(), Type::map(param_a(), param_b())}, b,
                                       [](std::span<const Value> args, EvalContext& context) {
                                         // Looking a string up hashes all of it.
                                         const auto* key = args[0].get<std::string>();
                                         if (!context.charge_bytes(key != nullptr ? key->size() : 0)) {
                                           return Value::error(context.budget_message());
                                         }
                                         return Value::boolean(args[1].as_map()->find(args[0]) != nullptr);
                                       }));
}

Value size_of(std::span<const Value> args, EvalContext& context) {
  if (const auto* text = args[0].get<std::string>()) {
    // Code points, not bytes: counting them reads every byte.
    if (!context.charge_bytes(text->size())) {
      return Value::error(context.budget_message());
    }
    return Value::integer(static_cast<std::int64_t>(text::code_point_count(*text)));
  }
  if (const auto* list = args[0].as_list()) {
    return Value::integer(static_cast<std::int64_t>(list->size()));
  }
  return Value::integer(static_cast<std::int64_t>(args[0].as_map()->size()));
}

void add_size(Env& env) {
  const Type i = Type::integer();
  for (const bool receiver : {false, true}) {
    auto declare = [&env, receiver](Overload o) {
      receiver ? env.declare_receiver_function("size", std::move(o)) : env.declare_function("size", std::move(o));
    };
    declare(overload("size_string", {Type::string()}, i, size_of));
    declare(overload("size_list", {Type::list(param_a())}, i, size_of));
    declare(overload("size_map", {Type::map(param_a(), param_b())}, i, size_of));
  }
}

}  // namespace

int compare_numbers(const Value& a, const Value& b) {
  const auto* ai = a.get<std::int64_t>();
  const auto* bi = b.get<std::int64_t>();
  const auto* ad = a.get<double>();
  const auto* bd = b.get<double>();
  if (ai && bi) {
    return three_way(*ai, *bi);
  }
  if (ad && bd) {
    if (std::isnan(*ad) || std::isnan(*bd)) {
      return 2;
    }
    return three_way(*ad, *bd);
  }
  if (ai && bd) {
    return compare_int_double(*ai, *bd);
  }
  if (ad && bi) {
    const int reversed = compare_int_double(*bi, *ad);
    return reversed == 2 ? 2 : -reversed;
  }
  return 2;
}

void add_operators(Env& env) {
  add_arithmetic(env);
  add_logic_and_membership(env);
  add_size(env);
  add_ordering(env, "_<_", "less", [](int r) { return r == -1; });
  add_ordering(env, "_<=_", "less_equals", [](int r) { return r == -1 || r == 0; });
  add_ordering(env, "_>_", "greater", [](int r) { return r == 1; });
  add_ordering(env, "_>=_", "greater_equals", [](int r) { return r == 1 || r == 0; });
}

}  // namespace ppsaudit::cel
