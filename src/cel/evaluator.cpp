#include "cel/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace ppsaudit::cel {

namespace {

// Puts the failing node's offset on an error that has none yet (host functions don't know it).
Value at(Value value, std::size_t offset) {
  if (const auto* error = value.as_error(); error != nullptr && error->offset == k_no_offset) {
    Error located = *error;
    located.offset = offset;
    return Value::error(std::move(located));
  }
  return value;
}

std::string quoted_key(const Value& key) {
  if (const auto* text = key.get<std::string>()) {
    return "'" + *text + "'";
  }
  return "'" + to_cel_literal(key) + "'";
}

std::string signature(std::span<const Value> args) {
  std::string out = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    out += (i == 0 ? "" : ", ") + args[i].type_name();
  }
  return out + ")";
}

Value no_overload(const std::string& function, std::span<const Value> args, std::size_t offset) {
  return Value::error("found no matching overload for '" + function + "' applied to '" + signature(args) + "'", offset);
}

bool kind_matches(const Type& param, const Value& value) {
  switch (param.kind()) {
    case Kind::dyn:
    case Kind::type_param:
      return true;
    case Kind::object:
      return value.as_object() != nullptr && value.as_object()->type_name() == param.name();
    case Kind::opaque:
      return value.as_opaque() != nullptr && value.as_opaque()->type_name() == param.name();
    default:
      return value.kind() == param.kind();
  }
}

class Evaluator {
 public:
  Evaluator(const Env& env, const Activation& activation, EvalContext& context)
      : m_env(env), m_activation(activation), m_context(context) {}

  Value eval(const Expr& expr) {
    if (!m_context.charge(1)) {
      return budget_error(expr);
    }
    Value value = eval_node(expr);
    // A string is copied wherever it goes (a literal, a variable, an element): the copy costs its
    // bytes, or a long one copied in a loop would cost a step a copy.
    if (const auto* text = value.get<std::string>(); text != nullptr && !m_context.charge_bytes(text->size())) {
      return budget_error(expr);
    }
    return value;
  }

 private:
  Value eval_node(const Expr& expr) {
    switch (expr.kind) {
      case ExprKind::literal:
        return expr.literal;
      case ExprKind::ident:
        return ident(expr);
      case ExprKind::select:
        return select(expr);
      case ExprKind::call:
        return call(expr);
      case ExprKind::list:
        return list(expr);
      case ExprKind::map:
        return map(expr);
      case ExprKind::comprehension:
        return comprehension(expr);
    }
    return Value::error("internal error: unknown expression kind", expr.offset);
  }

  Value budget_error(const Expr& expr) { return Value::error(m_context.budget_message(), expr.offset); }

  Value ident(const Expr& expr) {
    // The innermost scope that binds the name (a macro's variable shadows an outer one).
    const auto bound = std::find_if(m_scopes.rbegin(), m_scopes.rend(),
                                    [&expr](const auto& scope) { return scope.first == expr.name; });
    if (bound != m_scopes.rend()) {
      return bound->second;
    }
    if (const Value* value = m_activation.find(expr.name)) {
      return *value;
    }
    return Value::error("undeclared reference to '" + expr.name + "'", expr.offset);
  }

  Value select(const Expr& expr) {
    Value operand = eval(*expr.operand);
    if (operand.is_error()) {
      return operand;
    }
    if (const Map* map = operand.as_map()) {
      const Value* found = map->find(Value::string(expr.name));
      if (expr.test_only) {
        return Value::boolean(found != nullptr);
      }
      return found ? *found : Value::error("no such key '" + expr.name + "'", expr.offset);
    }
    if (const Object* object = operand.as_object()) {
      const ObjectField* field = object->find(expr.name);
      if (expr.test_only) {
        return Value::boolean(field != nullptr);
      }
      if (field != nullptr) {
        return field->value;
      }
      return Value::error(Error{"no such field '" + expr.name + "'", expr.offset,
                                MissingField{object->type_name(), object->path(), expr.name}});
    }
    return Value::error("type '" + operand.type_name() + "' has no field '" + expr.name + "'", expr.offset);
  }

  Value call(const Expr& expr) {
    if (expr.name == "_&&_" || expr.name == "_||_") {
      return logical(expr, expr.name == "_&&_");
    }
    if (expr.name == "_?_:_") {
      Value condition = eval(*expr.args[0]);
      if (condition.is_error()) {
        return condition;
      }
      const bool* chosen = condition.get<bool>();
      if (chosen == nullptr) {
        return no_overload(expr.name, std::span<const Value>(&condition, 1), expr.offset);
      }
      return eval(*expr.args[*chosen ? 1 : 2]);
    }
    std::vector<Value> args;
    args.reserve(expr.args.size() + 1);
    if (expr.operand) {
      args.push_back(eval(*expr.operand));
    }
    for (const auto& arg : expr.args) {
      args.push_back(eval(*arg));
    }
    for (const Value& arg : args) {
      if (arg.is_error()) {
        return arg;
      }
    }
    if (expr.name == "_[_]") {
      return index(expr, args[0], args[1]);
    }
    const FunctionDecl* function = m_env.find_function(expr.name);
    if (function == nullptr) {
      return Value::error("undeclared reference to '" + expr.name + "'", expr.offset);
    }
    const auto& overloads = expr.operand ? function->receiver : function->global;
    for (const Overload& candidate : overloads) {
      if (candidate.params.size() != args.size() || !candidate.impl) {
        continue;
      }
      bool matches = true;
      for (std::size_t i = 0; i < args.size() && matches; ++i) {
        matches = kind_matches(candidate.params[i], args[i]);
      }
      if (matches) {
        return at(candidate.impl(args, m_context), expr.offset);
      }
    }
    return no_overload(expr.name, args, expr.offset);
  }

  // CEL's commutative && and ||: a deciding value on either side wins over an error on the other.
  Value logical(const Expr& expr, bool is_and) {
    Value left = eval(*expr.args[0]);
    const bool decider = !is_and;  // false decides &&, true decides ||
    if (const bool* b = left.get<bool>(); b != nullptr && *b == decider) {
      return left;
    }
    Value right = eval(*expr.args[1]);
    if (const bool* b = right.get<bool>(); b != nullptr && *b == decider) {
      return right;
    }
    if (left.kind() == Kind::boolean && right.kind() == Kind::boolean) {
      return Value::boolean(!decider);
    }
    if (left.is_error()) {
      return left;
    }
    if (right.is_error()) {
      return right;
    }
    const Value both[] = {left, right};
    return no_overload(expr.name, both, expr.offset);
  }

  Value index(const Expr& expr, const Value& container, const Value& key) {
    if (const List* list = container.as_list()) {
      std::int64_t position = 0;
      if (const auto* i = key.get<std::int64_t>()) {
        position = *i;
      } else if (const auto* d = key.get<double>(); d != nullptr && std::trunc(*d) == *d && std::abs(*d) < 9e18) {
        position = static_cast<std::int64_t>(*d);
      } else {
        const Value both[] = {container, key};
        return no_overload(expr.name, both, expr.offset);
      }
      if (position < 0 || static_cast<std::uint64_t>(position) >= list->size()) {
        return Value::error("index out of range: " + std::to_string(position), expr.offset);
      }
      return (*list)[static_cast<std::size_t>(position)];
    }
    if (const Map* map = container.as_map()) {
      if (const Value* found = map->find(key)) {
        return *found;
      }
      return Value::error("no such key " + quoted_key(key), expr.offset);
    }
    const Value both[] = {container, key};
    return no_overload(expr.name, both, expr.offset);
  }

  Value list(const Expr& expr) {
    List elements;
    elements.reserve(expr.args.size());
    for (const auto& arg : expr.args) {
      Value element = eval(*arg);
      if (element.is_error()) {
        return element;
      }
      elements.push_back(std::move(element));
    }
    return Value::list(std::move(elements));
  }

  Value map(const Expr& expr) {
    Map entries;
    for (std::size_t i = 0; i + 1 < expr.args.size(); i += 2) {
      Value key = eval(*expr.args[i]);
      if (key.is_error()) {
        return key;
      }
      Value value = eval(*expr.args[i + 1]);
      if (value.is_error()) {
        return value;
      }
      const Kind kind = key.kind();
      if (kind != Kind::boolean && kind != Kind::integer && kind != Kind::string) {
        return Value::error("unsupported map key type '" + key.type_name() + "'", expr.args[i]->offset);
      }
      const std::string key_text = quoted_key(key);
      if (!entries.insert(std::move(key), std::move(value))) {
        return Value::error("repeated map key " + key_text, expr.args[i]->offset);
      }
    }
    return Value::map(std::move(entries));
  }

  Value comprehension(const Expr& expr) {
    Value range = eval(*expr.operand);
    if (range.is_error()) {
      return range;
    }
    // `range` keeps a list alive while we iterate over it; a map is iterated by its keys.
    const List* items = range.as_list();
    List keys;
    if (const Map* map = range.as_map()) {
      keys.reserve(map->size());
      for (const auto& [key, value] : map->entries()) {
        keys.push_back(key);
      }
      items = &keys;
    } else if (items == nullptr) {
      return Value::error("cannot iterate over a value of type '" + range.type_name() + "'", expr.offset);
    }
    m_scopes.emplace_back(expr.name, Value());
    Value result = run_comprehension(expr, *items);
    m_scopes.pop_back();
    return m_context.exhausted() ? budget_error(expr) : result;
  }

  Value run_comprehension(const Expr& expr, const List& items) {
    const Expr& body = *expr.args[0];
    Value accumulated = Value::boolean(expr.macro == MacroKind::all);
    std::int64_t count = 0;
    List results;
    for (const Value& item : items) {
      const auto* text = item.get<std::string>();
      if (!m_context.charge(1) || (text != nullptr && !m_context.charge_bytes(text->size()))) {
        return budget_error(expr);
      }
      m_scopes.back().second = item;
      switch (expr.macro) {
        case MacroKind::all:
        case MacroKind::exists: {
          accumulated = combine(expr, std::move(accumulated), eval(body), expr.macro == MacroKind::all);
          if (const bool* b = accumulated.get<bool>(); b != nullptr && *b == (expr.macro == MacroKind::exists)) {
            return accumulated;
          }
          break;
        }
        case MacroKind::exists_one:
        case MacroKind::filter: {
          Value test = eval(body);
          if (test.is_error()) {
            return test;
          }
          const bool* b = test.get<bool>();
          if (b == nullptr) {
            return predicate_error(expr, test);
          }
          if (*b && expr.macro == MacroKind::exists_one) {
            ++count;
          } else if (*b) {
            results.push_back(item);
          }
          break;
        }
        case MacroKind::map: {
          if (expr.args.size() == 2) {
            Value test = eval(body);
            if (test.is_error()) {
              return test;
            }
            const bool* b = test.get<bool>();
            if (b == nullptr) {
              return predicate_error(expr, test);
            }
            if (!*b) {
              break;
            }
          }
          Value mapped = eval(*expr.args.back());
          if (mapped.is_error()) {
            return mapped;
          }
          results.push_back(std::move(mapped));
          break;
        }
        case MacroKind::none:
          break;
      }
    }
    if (expr.macro == MacroKind::exists_one) {
      return Value::boolean(count == 1);
    }
    if (expr.macro == MacroKind::map || expr.macro == MacroKind::filter) {
      return Value::list(std::move(results));
    }
    return accumulated;
  }

  // One step of all() (as &&) or exists() (as ||), with the same error absorption.
  Value combine(const Expr& expr, Value accumulated, Value step, bool is_and) {
    const bool decider = !is_and;
    if (const bool* b = step.get<bool>(); b != nullptr && *b == decider) {
      return step;
    }
    if (accumulated.is_error()) {
      return accumulated;
    }
    if (step.is_error()) {
      return step;
    }
    if (step.kind() != Kind::boolean) {
      return predicate_error(expr, step);
    }
    return accumulated;
  }

  Value predicate_error(const Expr& expr, const Value& got) {
    return Value::error("the condition must be a bool, not '" + got.type_name() + "'", expr.args[0]->offset);
  }

  const Env& m_env;
  const Activation& m_activation;
  EvalContext& m_context;
  std::vector<std::pair<std::string, Value>> m_scopes;
};

}  // namespace

Value evaluate_expr(const Expr& expr, const Env& env, const Activation& activation, EvalContext& context) {
  Value result = Evaluator(env, activation, context).eval(expr);
  if (context.exhausted()) {
    // Whatever absorbed it, a spent budget ends the evaluation.
    const auto* error = result.as_error();
    return Value::error(context.budget_message(), error != nullptr ? error->offset : expr.offset);
  }
  return result;
}

}  // namespace ppsaudit::cel
