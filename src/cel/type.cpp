#include "cel/type.hpp"

#include <utility>

namespace ppsaudit::cel {

namespace {

const Type& dyn_type() {
  static const Type k_dyn;
  return k_dyn;
}

}  // namespace

Type Type::list(Type element) {
  Type type(Kind::list);
  type.m_params.push_back(std::move(element));
  return type;
}

Type Type::map(Type key, Type value) {
  Type type(Kind::map);
  type.m_params.push_back(std::move(key));
  type.m_params.push_back(std::move(value));
  return type;
}

Type Type::object(std::string name) {
  Type type(Kind::object);
  type.m_name = std::move(name);
  return type;
}

Type Type::opaque(std::string name) {
  Type type(Kind::opaque);
  type.m_name = std::move(name);
  return type;
}

Type Type::param(std::string name) {
  Type type(Kind::type_param);
  type.m_name = std::move(name);
  return type;
}

const Type& Type::first_param() const {
  return m_params.empty() ? dyn_type() : m_params[0];
}

const Type& Type::second_param() const {
  return m_params.size() < 2 ? dyn_type() : m_params[1];
}

std::string Type::to_string() const {
  switch (m_kind) {
    case Kind::list:
      return "list(" + first_param().to_string() + ")";
    case Kind::map:
      return "map(" + first_param().to_string() + ", " + second_param().to_string() + ")";
    case Kind::object:
    case Kind::opaque:
    case Kind::type_param:
      return m_name;
    default:
      return kind_name(m_kind);
  }
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::dyn:
      return "dyn";
    case Kind::null:
      return "null_type";
    case Kind::boolean:
      return "bool";
    case Kind::integer:
      return "int";
    case Kind::floating:
      return "double";
    case Kind::string:
      return "string";
    case Kind::list:
      return "list";
    case Kind::map:
      return "map";
    case Kind::timestamp:
      return "timestamp";
    case Kind::duration:
      return "duration";
    case Kind::object:
      return "object";
    case Kind::opaque:
      return "opaque";
    case Kind::type_param:
      return "type_param";
    case Kind::error:
      return "error";
  }
  return "dyn";
}

}  // namespace ppsaudit::cel
