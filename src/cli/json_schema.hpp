#pragma once

#include <string>
#include <string_view>

#include "yaml/schema.hpp"

namespace ppsaudit {

// What heads a generated JSON Schema: its $id, title and description.
struct JsonSchemaHeading {
  std::string_view id;
  std::string_view title;
  std::string_view description;
};

// The JSON Schema (draft-07) of the documents whose top-level record is `root`, made from the
// same tables the loader walks, so that an editor (yaml-language-server) or a CI job (ajv) can
// check a file as ppsaudit reads it. What a JSON Schema cannot say (a reference naming an entry
// of its list, unique ids, the rules across fields) is left to `ppsaudit validate`, and said in
// each value's "$comment". The text is the same at every run and ends with a newline.
std::string json_schema(const yaml::TypeSpec& root, const JsonSchemaHeading& heading);

// The pattern (ECMA-262, as JSON Schema reads it) that the text of a scalar of `kind` matches:
// of a date, a cadence, a term boundary, an academic year, a web address or text; empty for
// other kinds. Each follows its parser in calendar/ and yaml/walker.cpp.
std::string scalar_pattern(yaml::Kind kind);

// `ppsaudit schema service`, `ppsaudit schema rules`: the schemas of the two input formats.
std::string service_json_schema();
std::string rules_json_schema();

}  // namespace ppsaudit
