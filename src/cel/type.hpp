#pragma once

#include <string>
#include <vector>

namespace ppsaudit::cel {

// What a value is, or what the checker knows about an expression. `dyn` and `type_param`
// exist only in the checker; `error` only at run time.
enum class Kind {
  dyn,
  null,
  boolean,
  integer,
  floating,
  string,
  list,
  map,
  timestamp,
  duration,
  object,
  opaque,
  type_param,
  error,
};

// A CEL type as the checker sees it: list and map carry element types, objects and opaque
// types a name, and type parameters (in overload signatures) a name such as "A".
class Type {
 public:
  Type() = default;
  explicit Type(Kind kind) : m_kind(kind) {}

  static Type dyn() { return Type(Kind::dyn); }
  static Type null() { return Type(Kind::null); }
  static Type boolean() { return Type(Kind::boolean); }
  static Type integer() { return Type(Kind::integer); }
  static Type floating() { return Type(Kind::floating); }
  static Type string() { return Type(Kind::string); }
  static Type timestamp() { return Type(Kind::timestamp); }
  static Type duration() { return Type(Kind::duration); }
  static Type list(Type element);
  static Type map(Type key, Type value);
  static Type object(std::string name);
  static Type opaque(std::string name);
  static Type param(std::string name);

  [[nodiscard]] Kind kind() const { return m_kind; }
  [[nodiscard]] const std::string& name() const { return m_name; }
  [[nodiscard]] const std::vector<Type>& params() const { return m_params; }
  // The element type of a list, the key type of a map.
  [[nodiscard]] const Type& first_param() const;
  // The value type of a map.
  [[nodiscard]] const Type& second_param() const;

  // As CEL writes it: "int", "list(string)", "map(string, dyn)", "Policy".
  [[nodiscard]] std::string to_string() const;

  bool operator==(const Type&) const = default;

 private:
  Kind m_kind = Kind::dyn;
  std::string m_name;
  std::vector<Type> m_params;
};

// The CEL name of a kind, used in messages about run-time values ("int", "list", ...).
const char* kind_name(Kind kind);

}  // namespace ppsaudit::cel
