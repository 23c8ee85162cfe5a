#pragma once

#include <string_view>
#include <vector>

namespace ppsaudit::yaml {

// What a value in a YAML document may be. A schema is data: the walker validates against it,
// and each format (service files, rule packs) builds its own; the rule checker derives its
// types from the service schema, and the man page documents it.
enum class Kind {
  text,           // any non-empty string
  boolean,        // true or false, unquoted
  integer,        // a whole number, unquoted, within [minimum, maximum]
  number,         // a number, unquoted, within [minimum, maximum]
  date,           // YYYY-MM-DD
  cadence,        // termly, annually, every 2 years, P6M… ("bi-annual" is refused)
  term_boundary,  // MM-DD or easter
  academic_year,  // 2007/08
  url,            // http:// or https://
  choice,         // one of a fixed set of words
  reference,      // the id of an entry of another list (a group, a person, a policy…)
  list,           // a sequence of `element`
  record,         // a map with the fixed `fields`
  expression,     // a rule expression (CEL): text, kept with how it was written, to locate errors in it
  yaml,           // any YAML, kept as written (a rule fixture's service data, validated later)
};

struct TypeSpec;

struct FieldSpec {
  std::string_view name;
  const TypeSpec* type = nullptr;
  bool required = false;
  std::string_view doc;
};

struct TypeSpec {
  Kind kind = Kind::text;
  std::string_view name;                  // records: the type's name ("Policy"); others: a word for messages
  std::vector<std::string_view> choices;  // choice: the allowed words
  const TypeSpec* element = nullptr;      // list: the element type
  std::vector<FieldSpec> fields;          // record: its keys, in documentation order
  std::string_view id_field;              // list of records: the field that must be unique ("id")
  std::string_view target;                // reference: the top-level list it points into ("groups")
  double minimum = 0;                     // integer and number bounds
  double maximum = 0;
  bool format_version = false;  // integer: the document's format version, exactly `minimum`
  // A scalar whose source may read two ways: besides its plain form it may be written as this
  // record, {reading, alternative, source}, keeping the reading the file takes, the other one and
  // the source's own words (domain.md §10.1, "bi-annual").
  const TypeSpec* readings = nullptr;

  [[nodiscard]] const FieldSpec* field(std::string_view key) const;
};

// How a kind is described in messages: "a date (YYYY-MM-DD)", "a list", "a map"…
std::string_view describe_kind(const TypeSpec& type);

}  // namespace ppsaudit::yaml
