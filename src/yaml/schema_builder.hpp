#pragma once

#include <deque>
#include <string_view>
#include <vector>

#include "yaml/schema.hpp"

namespace ppsaudit::yaml {

// Builds schema types that live as long as the builder; a deque keeps their addresses stable.
// The service format and the rule pack format are both built with it.
class SchemaBuilder {
 public:
  const TypeSpec* scalar(Kind kind, std::string_view name) { return &make(kind, name); }
  const TypeSpec* bounded(Kind kind, std::string_view name, double minimum, double maximum) {
    TypeSpec& spec = make(kind, name);
    spec.minimum = minimum;
    spec.maximum = maximum;
    return &spec;
  }
  // The key that gives a document's format version: another version is refused as
  // unsupported rather than as out of range.
  const TypeSpec* format_version(int version) {
    TypeSpec& spec = make(Kind::integer, "format version");
    spec.minimum = version;
    spec.maximum = version;
    spec.format_version = true;
    return &spec;
  }
  // A scalar that may also be written as `readings` when its source reads two ways.
  const TypeSpec* with_readings(Kind kind, std::string_view name, const TypeSpec* readings) {
    TypeSpec& spec = make(kind, name);
    spec.readings = readings;
    return &spec;
  }
  const TypeSpec* choice(std::string_view name, std::vector<std::string_view> words) {
    TypeSpec& spec = make(Kind::choice, name);
    spec.choices = std::move(words);
    return &spec;
  }
  const TypeSpec* reference(std::string_view target) {
    TypeSpec& spec = make(Kind::reference, target);
    spec.target = target;
    return &spec;
  }
  const TypeSpec* list(const TypeSpec* element, std::string_view id_field = {}) {
    TypeSpec& spec = make(Kind::list, element->name);
    spec.element = element;
    spec.id_field = id_field;
    return &spec;
  }
  const TypeSpec* record(std::string_view name, std::vector<FieldSpec> fields) {
    TypeSpec& spec = make(Kind::record, name);
    spec.fields = std::move(fields);
    return &spec;
  }

 private:
  TypeSpec& make(Kind kind, std::string_view name) {
    TypeSpec& spec = m_types.emplace_back();
    spec.kind = kind;
    spec.name = name;
    return spec;
  }
  std::deque<TypeSpec> m_types;
};

inline constexpr bool k_required = true;
inline constexpr bool k_optional = false;

}  // namespace ppsaudit::yaml
