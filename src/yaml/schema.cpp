#include "yaml/schema.hpp"

namespace ppsaudit::yaml {

const FieldSpec* TypeSpec::field(std::string_view key) const {
  for (const auto& spec : fields) {
    if (spec.name == key) {
      return &spec;
    }
  }
  return nullptr;
}

std::string_view describe_kind(const TypeSpec& type) {
  switch (type.kind) {
    case Kind::text:
      return "text";
    case Kind::boolean:
      return "a boolean (true or false)";
    case Kind::integer:
      return "a whole number";
    case Kind::number:
      return "a number";
    case Kind::date:
      return "a date (YYYY-MM-DD)";
    case Kind::cadence:
      return "a cadence (e.g. termly, annually, every 2 years)";
    case Kind::term_boundary:
      return "a term boundary (MM-DD or easter)";
    case Kind::academic_year:
      return "an academic year (e.g. 2007/08)";
    case Kind::url:
      return "a web address (https://…)";
    case Kind::choice:
      return "one word from a fixed list";
    case Kind::reference:
      return "an id";
    case Kind::list:
      return "a list";
    case Kind::record:
      return "a map";
    case Kind::expression:
      return "an expression";
    case Kind::yaml:
      return "YAML";
  }
  return "a value";
}

}  // namespace ppsaudit::yaml
