#include "cel/env.hpp"

#include <utility>

namespace ppsaudit::cel {

const Type* ObjectTypeDecl::find_field(std::string_view field) const {
  for (const auto& [field_name, type] : fields) {
    if (field_name == field) {
      return &type;
    }
  }
  return nullptr;
}

void Env::declare_variable(std::string name, Type type) {
  m_variables.insert_or_assign(std::move(name), std::move(type));
}

void Env::declare_object_type(ObjectTypeDecl type) {
  std::string name = type.name;
  m_object_types.insert_or_assign(std::move(name), std::move(type));
}

void Env::declare_opaque_type(std::string name) {
  m_opaque_types.insert_or_assign(std::move(name), true);
}

void Env::declare_function(std::string name, Overload overload) {
  FunctionDecl& decl = m_functions[name];
  decl.name = std::move(name);
  decl.global.push_back(std::move(overload));
}

void Env::declare_receiver_function(std::string name, Overload overload) {
  FunctionDecl& decl = m_functions[name];
  decl.name = std::move(name);
  decl.receiver.push_back(std::move(overload));
}

const Type* Env::find_variable(std::string_view name) const {
  const auto found = m_variables.find(name);
  return found == m_variables.end() ? nullptr : &found->second;
}

const ObjectTypeDecl* Env::find_object_type(std::string_view name) const {
  const auto found = m_object_types.find(name);
  return found == m_object_types.end() ? nullptr : &found->second;
}

bool Env::has_opaque_type(std::string_view name) const {
  return m_opaque_types.find(name) != m_opaque_types.end();
}

const FunctionDecl* Env::find_function(std::string_view name) const {
  const auto found = m_functions.find(name);
  return found == m_functions.end() ? nullptr : &found->second;
}

std::vector<std::string> Env::variable_names() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : m_variables) {
    names.push_back(name);
  }
  return names;
}

std::vector<std::string> Env::function_names() const {
  std::vector<std::string> names;
  for (const auto& [name, decl] : m_functions) {
    // Operators ("_+_", "@in") are not something a user types by name.
    if (!name.empty() && name[0] != '_' && name[0] != '@' && name.back() != '_') {
      names.push_back(name);
    }
  }
  return names;
}

bool EvalContext::charge(std::uint64_t cost) {
  if (m_exhausted) {
    return false;
  }
  m_spent += cost;
  if (m_spent > m_budget) {
    m_exhausted = true;
    return false;
  }
  return true;
}

std::string EvalContext::budget_message() const {
  return "evaluation cost budget of " + std::to_string(m_budget) + " exceeded";
}

}  // namespace ppsaudit::cel
