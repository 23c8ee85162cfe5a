#include "cel/checker.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "text/did_you_mean.hpp"

namespace ppsaudit::cel {

namespace {

using Bindings = std::map<std::string, Type>;

Type substitute(const Type& type, const Bindings& bindings) {
  switch (type.kind()) {
    case Kind::type_param: {
      const auto found = bindings.find(type.name());
      return found == bindings.end() ? Type::dyn() : found->second;
    }
    case Kind::list:
      return Type::list(substitute(type.first_param(), bindings));
    case Kind::map:
      return Type::map(substitute(type.first_param(), bindings), substitute(type.second_param(), bindings));
    default:
      return type;
  }
}

// Whether an argument of type `arg` fits parameter `param`, binding type parameters as it goes.
bool assignable(const Type& param, const Type& arg, Bindings& bindings) {
  if (param.kind() == Kind::type_param) {
    const auto found = bindings.find(param.name());
    if (found == bindings.end()) {
      bindings.emplace(param.name(), arg);
      return true;
    }
    Type bound = found->second;
    if (!assignable(bound, arg, bindings)) {
      // null unifies with whatever comes next: `x == null`, `null == x`.
      if (bound.kind() == Kind::null && arg.kind() != Kind::null) {
        bindings[param.name()] = arg;
        return true;
      }
      return false;
    }
    return true;
  }
  if (param.kind() == Kind::dyn || arg.kind() == Kind::dyn) {
    return true;
  }
  if (arg.kind() == Kind::null) {
    return param.kind() == Kind::null || param.kind() == Kind::object || param.kind() == Kind::opaque;
  }
  if (param.kind() != arg.kind()) {
    return false;
  }
  switch (param.kind()) {
    case Kind::list:
      return assignable(param.first_param(), arg.first_param(), bindings);
    case Kind::map:
      return assignable(param.first_param(), arg.first_param(), bindings) &&
             assignable(param.second_param(), arg.second_param(), bindings);
    case Kind::object:
    case Kind::opaque:
      return param.name() == arg.name();
    default:
      return true;
  }
}

// The common type of list elements or map keys/values: one type, or dyn when they differ.
Type join(const std::vector<Type>& types) {
  if (types.empty()) {
    return Type::dyn();
  }
  for (const Type& type : types) {
    if (!(type == types.front())) {
      return Type::dyn();
    }
  }
  return types.front();
}

std::string signature(const std::vector<Type>& types) {
  std::string out = "(";
  for (std::size_t i = 0; i < types.size(); ++i) {
    out += (i == 0 ? "" : ", ") + types[i].to_string();
  }
  return out + ")";
}

class Checker {
 public:
  explicit Checker(const Env& env) : m_env(env) {}

  Type check(const Expr& expr) {
    switch (expr.kind) {
      case ExprKind::literal:
        return Type(expr.literal.kind());
      case ExprKind::ident:
        return ident(expr);
      case ExprKind::select:
        return select(expr);
      case ExprKind::call:
        return call(expr);
      case ExprKind::list: {
        std::vector<Type> elements;
        for (const auto& arg : expr.args) {
          elements.push_back(check(*arg));
        }
        return Type::list(join(elements));
      }
      case ExprKind::map:
        return map(expr);
      case ExprKind::comprehension:
        return comprehension(expr);
    }
    return Type::dyn();
  }

  [[nodiscard]] std::vector<CompileError> take_errors() { return std::move(m_errors); }

 private:
  // Records an error and carries on with `dyn`, which fits everywhere, so that one mistake
  // is reported once and the next, independent mistake is reported too.
  Type report(std::size_t offset, std::string message) {
    m_errors.push_back(CompileError{std::move(message), offset});
    return Type::dyn();
  }

  Type ident(const Expr& expr) {
    // The innermost scope that binds the name (a macro's variable shadows an outer one).
    const auto bound = std::find_if(m_scopes.rbegin(), m_scopes.rend(),
                                    [&expr](const auto& scope) { return scope.first == expr.name; });
    if (bound != m_scopes.rend()) {
      return bound->second;
    }
    if (const Type* type = m_env.find_variable(expr.name)) {
      return *type;
    }
    std::vector<std::string> candidates = m_env.variable_names();
    for (const auto& [name, type] : m_scopes) {
      candidates.push_back(name);
    }
    return report(expr.offset,
                  "undeclared reference to '" + expr.name + "'" +
                      did_you_mean_suffix(closest_match(expr.name, std::span<const std::string>(candidates))));
  }

  Type select(const Expr& expr) {
    const Type operand = check(*expr.operand);
    Type result = Type::dyn();
    switch (operand.kind()) {
      case Kind::dyn:
        break;
      case Kind::map:
        if (operand.first_param().kind() != Kind::string && operand.first_param().kind() != Kind::dyn) {
          return report(expr.offset, "cannot select field '" + expr.name + "' from type '" + operand.to_string() + "'");
        }
        result = operand.second_param();
        break;
      case Kind::object: {
        const ObjectTypeDecl* decl = m_env.find_object_type(operand.name());
        if (decl == nullptr) {
          break;  // declared only by name: fields are not known
        }
        const Type* field = decl->find_field(expr.name);
        if (field == nullptr) {
          std::vector<std::string> names;
          for (const auto& [name, type] : decl->fields) {
            names.push_back(name);
          }
          return report(expr.offset,
                        "no field '" + expr.name + "' on type '" + operand.name() + "'" +
                            did_you_mean_suffix(closest_match(expr.name, std::span<const std::string>(names))));
        }
        result = *field;
        break;
      }
      default:
        return report(expr.offset, "cannot select field '" + expr.name + "' from type '" + operand.to_string() + "'");
    }
    return expr.test_only ? Type::boolean() : result;
  }

  Type call(const Expr& expr) {
    std::vector<Type> args;
    if (expr.operand) {
      args.push_back(check(*expr.operand));
    }
    for (const auto& arg : expr.args) {
      args.push_back(check(*arg));
    }
    const FunctionDecl* function = m_env.find_function(expr.name);
    if (function == nullptr) {
      const std::vector<std::string> names = m_env.function_names();
      return report(expr.offset,
                    "undeclared reference to '" + expr.name + "'" +
                        did_you_mean_suffix(closest_match(expr.name, std::span<const std::string>(names))));
    }
    const auto& overloads = expr.operand ? function->receiver : function->global;
    std::vector<Type> results;
    for (const Overload& candidate : overloads) {
      if (candidate.params.size() != args.size()) {
        continue;
      }
      Bindings bindings;
      bool matches = true;
      for (std::size_t i = 0; i < args.size() && matches; ++i) {
        matches = assignable(candidate.params[i], args[i], bindings);
      }
      if (matches) {
        results.push_back(substitute(candidate.result, bindings));
      }
    }
    if (results.empty()) {
      if (expr.operand && function->receiver.empty() && !function->global.empty()) {
        return report(expr.offset, "'" + expr.name + "' is a function, not a method: write " + expr.name + "(x)");
      }
      return report(expr.offset,
                    "found no matching overload for '" + expr.name + "' applied to '" + signature(args) + "'");
    }
    return join(results);
  }

  Type map(const Expr& expr) {
    std::vector<Type> keys;
    std::vector<Type> values;
    for (std::size_t i = 0; i + 1 < expr.args.size(); i += 2) {
      const Type key = check(*expr.args[i]);
      const Kind kind = key.kind();
      if (kind != Kind::boolean && kind != Kind::integer && kind != Kind::string && kind != Kind::dyn) {
        report(expr.args[i]->offset, "unsupported map key type '" + key.to_string() + "'");
      }
      keys.push_back(key);
      values.push_back(check(*expr.args[i + 1]));
    }
    return Type::map(join(keys), join(values));
  }

  Type comprehension(const Expr& expr) {
    const Type range = check(*expr.operand);
    Type variable = Type::dyn();
    if (range.kind() == Kind::list || range.kind() == Kind::map) {
      variable = range.first_param();
    } else if (range.kind() != Kind::dyn) {
      report(expr.offset, "cannot iterate over a value of type '" + range.to_string() + "'");
    }
    m_scopes.emplace_back(expr.name, variable);
    const Type body = check(*expr.args[0]);
    const bool body_is_predicate = expr.macro != MacroKind::map || expr.args.size() == 2;
    if (body_is_predicate && body.kind() != Kind::boolean && body.kind() != Kind::dyn) {
      report(expr.args[0]->offset, "the condition must be a bool, not '" + body.to_string() + "'");
    }
    Type result = Type::boolean();
    if (expr.macro == MacroKind::map) {
      result = Type::list(check(*expr.args.back()));
    } else if (expr.macro == MacroKind::filter) {
      result = Type::list(variable);
    }
    m_scopes.pop_back();
    return result;
  }

  const Env& m_env;
  std::vector<std::pair<std::string, Type>> m_scopes;
  std::vector<CompileError> m_errors;
};

}  // namespace

std::variant<Type, std::vector<CompileError>> check(const Expr& expr, const Env& env) {
  Checker checker(env);
  Type type = checker.check(expr);
  std::vector<CompileError> errors = checker.take_errors();
  if (!errors.empty()) {
    return errors;
  }
  return type;
}

}  // namespace ppsaudit::cel
