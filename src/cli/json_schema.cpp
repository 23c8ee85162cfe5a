#include "cli/json_schema.hpp"

#include <cmath>
#include <cstdint>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calendar/cadence_names.hpp"
#include "rules/pack_schema.hpp"
#include "service/schema.hpp"
#include "yaml/reader.hpp"

namespace ppsaudit {

namespace {

using Json = nlohmann::ordered_json;
using yaml::Kind;
using yaml::TypeSpec;

// What the walker counts as text: anything but spaces, tabs and newlines.
constexpr std::string_view k_not_blank = "[^ \\t\\n]";

// `word` matched without regard to case, each space standing for any run of white space, as
// the cadence reader normalises its text.
std::string any_case(std::string_view word) {
  std::string pattern;
  for (const char c : word) {
    if (c >= 'a' && c <= 'z') {
      pattern += fmt::format("[{}{}]", c, static_cast<char>(c - 'a' + 'A'));
    } else if (c == ' ') {
      pattern += "\\s+";
    } else {
      pattern += c;
    }
  }
  return pattern;
}

// calendar/cadence.cpp's grammar: a named cadence, "every [N] unit(s)" or an ISO 8601 duration
// of whole years and months or whole weeks and days, each number from 1 to 1200. The words that
// read two ways ("bi-annual") are not among them.
std::string cadence_pattern() {
  const std::string number = "0*(?:[1-9][0-9]{0,2}|1[01][0-9]{2}|1200)";
  std::string named;
  for (const auto word : cadence_names()) {
    named += (named.empty() ? "" : "|") + any_case(word);
  }
  const std::string every =
      fmt::format(R"({}\s+(?:{}\s+(?:{}|{}|{}|{})|0*1\s+{}|{}|{}|{}|{}|{}))", any_case("every"), number,
                  any_case("month") + "[sS]?", any_case("year") + "[sS]?", any_case("week") + "[sS]?",
                  any_case("day") + "[sS]?", any_case("term") + "[sS]?", any_case("month"), any_case("year"),
                  any_case("week"), any_case("day"), any_case("term"));
  const auto unit = [&](char designator) {
    return fmt::format("{}[{}{}]", number, static_cast<char>(designator - 'a' + 'A'), designator);
  };
  const std::string iso = fmt::format("[pP](?:{}(?:{})?|{}|{}(?:{})?|{})", unit('y'), unit('m'), unit('m'), unit('w'),
                                      unit('d'), unit('d'));
  return fmt::format("^\\s*(?:{}|{}|{})\\s*$", named, every, iso);
}

// "2007/08": four digits, a slash, then the two last digits of the next year.
std::string academic_year_pattern() {
  std::string pairs;
  for (int year = 0; year < 100; ++year) {
    pairs += fmt::format("{}{:02}/{:02}", pairs.empty() ? "" : "|", year, (year + 1) % 100);
  }
  return fmt::format("^[0-9]{{2}}(?:{})$", pairs);
}

// A month and a day that some year has (02-29 too), or easter in any case.
constexpr std::string_view k_term_boundary_pattern =
    "^(?:[eE][aA][sS][tT][eE][rR]|(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|[12][0-9]))$";

// YYYY-MM-DD with a month from 01 to 12 and a day from 01 to 31, and no year 0; whether the day
// is in its month ("2011-02-30") only a validator that asserts "format": "date" checks.
constexpr std::string_view k_date_pattern = "^(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$";

// http:// or https:// and more, ten characters at least, without spaces, tabs or newlines.
constexpr std::string_view k_url_pattern = R"(^(?:http://[^ \t\n]{3,}|https://[^ \t\n]{2,})$)";

}  // namespace

std::string scalar_pattern(Kind kind) {
  switch (kind) {
    case Kind::text:
    case Kind::reference:
    case Kind::expression:
      return std::string(k_not_blank);
    case Kind::date:
      return std::string(k_date_pattern);
    case Kind::cadence:
      return cadence_pattern();
    case Kind::term_boundary:
      return std::string(k_term_boundary_pattern);
    case Kind::academic_year:
      return academic_year_pattern();
    case Kind::url:
      return std::string(k_url_pattern);
    default:
      return {};
  }
}

namespace {

// A bound as JSON writes it: 0, not 0.0, for a whole number.
Json bound(double value) {
  if (std::floor(value) == value) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

// Writes the schema of one format: each record once, under "definitions", in name order.
class SchemaWriter {
 public:
  Json document(const TypeSpec& root, const JsonSchemaHeading& heading) {
    Json schema;
    schema["$schema"] = "http://json-schema.org/draft-07/schema#";
    schema["$id"] = heading.id;
    schema["title"] = heading.title;
    schema["description"] = heading.description;
    Json top = record(root);
    for (auto& [key, value] : top.items()) {
      if (key != "title") {
        schema[key] = std::move(value);
      }
    }
    // Records reached from others are written as they are found, so keep going until none is new.
    std::map<std::string, Json> definitions;
    while (!m_pending.empty()) {
      const TypeSpec* next = m_pending.begin()->second;
      const std::string name = m_pending.begin()->first;
      m_pending.erase(m_pending.begin());
      definitions.emplace(name, record(*next));
    }
    if (m_cadence_used) {
      definitions.emplace("cadence", Json{{"title", "cadence"},
                                          {"type", "string"},
                                          {"pattern", scalar_pattern(Kind::cadence)},
                                          {"$comment",
                                           "termly, weekly, fortnightly, monthly, quarterly, twice-yearly, annually, "
                                           "biennially, 'every N days|weeks|months|years' or an ISO 8601 duration such "
                                           "as P18M; 'bi-annual', which reads two ways, is refused"}});
    }
    if (!definitions.empty()) {
      Json& out = schema["definitions"];
      for (auto& [name, definition] : definitions) {
        out[name] = std::move(definition);
      }
    }
    return schema;
  }

 private:
  // The definition's name of a record: its type's name, numbered when two records share it.
  std::string definition_name(const TypeSpec& type) {
    if (const auto found = m_names.find(&type); found != m_names.end()) {
      return found->second;
    }
    std::string name(type.name);
    for (int n = 2; m_taken.contains(name); ++n) {
      name = fmt::format("{}{}", type.name, n);
    }
    m_taken.insert({name, &type});
    m_names.emplace(&type, name);
    m_pending.emplace(name, &type);
    return name;
  }

  Json reference_to(const TypeSpec& record_type) {
    return Json{{"$ref", "#/definitions/" + definition_name(record_type)}};
  }

  Json record(const TypeSpec& type) {
    Json schema;
    schema["title"] = type.name;
    schema["type"] = "object";
    Json properties = Json::object();
    Json required = Json::array();
    for (const auto& field : type.fields) {
      properties[std::string(field.name)] = value(*field.type, field.doc, field.required);
      if (field.required) {
        required.push_back(field.name);
      }
    }
    schema["properties"] = std::move(properties);
    if (!required.empty()) {
      schema["required"] = std::move(required);
    }
    schema["additionalProperties"] = false;
    return schema;
  }

  // The schema of a value of `type`, described by `doc` (a field's own words, or none for an
  // item of a list); `required`: its field must be given, and so, for a list, not be empty.
  Json value(const TypeSpec& type, std::string_view doc, bool required) {
    Json schema;
    if (!doc.empty()) {
      schema["description"] = type.kind == Kind::reference
                                  ? fmt::format("{} (the id of an entry of '{}')", doc, type.target)
                                  : std::string(doc);
    }
    if (type.readings != nullptr) {
      schema["anyOf"] = Json::array({plain(type, required), reference_to(*type.readings)});
      schema["$comment"] = fmt::format(
          "a {} whose source reads two ways may be written as {{reading, alternative, source}}; ppsaudit validate "
          "checks that the two readings differ",
          type.name);
      return schema;
    }
    if (type.kind == Kind::record) {
      if (schema.empty()) {
        return reference_to(type);
      }
      schema["allOf"] = Json::array({reference_to(type)});
      return schema;
    }
    Json parts = plain(type, required);
    for (auto& [key, part] : parts.items()) {
      schema[key] = std::move(part);
    }
    return schema;
  }

  // A value of `type` without its description (or its readings).
  Json plain(const TypeSpec& type, bool required) {
    Json schema;
    switch (type.kind) {
      case Kind::text:
      case Kind::reference:
      case Kind::expression:
        // The walker reads a scalar's text as written: `section: 3` and `check: true` are text too.
        schema["type"] = Json::array({"string", "number", "boolean"});
        schema["pattern"] = scalar_pattern(type.kind);
        if (type.kind == Kind::reference) {
          schema["$comment"] =
              fmt::format("ppsaudit validate checks that it names an entry of '{}'; a JSON Schema cannot", type.target);
        } else if (type.kind == Kind::expression) {
          schema["$comment"] = "a rule expression (CEL), which ppsaudit rules lint parses and type-checks";
        }
        break;
      case Kind::boolean:
        schema["type"] = "boolean";
        break;
      case Kind::integer:
      case Kind::number:
        if (type.format_version) {
          schema["const"] = bound(type.minimum);
          break;
        }
        schema["type"] = type.kind == Kind::integer ? "integer" : "number";
        schema["minimum"] = bound(type.minimum);
        schema["maximum"] = bound(type.maximum);
        break;
      case Kind::date:
        schema["type"] = "string";
        schema["format"] = "date";
        schema["pattern"] = scalar_pattern(type.kind);
        break;
      case Kind::cadence:
        // One definition for every cadence: its pattern is long (every named cadence, every spacing).
        m_cadence_used = true;
        schema["allOf"] = Json::array({Json{{"$ref", "#/definitions/cadence"}}});
        break;
      case Kind::term_boundary:
      case Kind::academic_year:
      case Kind::url:
        schema["type"] = "string";
        schema["pattern"] = scalar_pattern(type.kind);
        break;
      case Kind::choice:
        schema["type"] = "string";
        schema["enum"] = type.choices;
        break;
      case Kind::list:
        schema["type"] = "array";
        if (required) {
          schema["minItems"] = 1;
        }
        schema["maxItems"] = yaml::k_max_items;  // the reader's limit, for every list
        schema["items"] = value(*type.element, {}, false);
        if (!type.id_field.empty()) {
          schema["$comment"] =
              fmt::format("ppsaudit validate checks that each item's '{}' is unique in the list; a JSON Schema cannot",
                          type.id_field);
        }
        break;
      case Kind::record:
        return reference_to(type);
      case Kind::yaml:
        schema["not"] = Json{{"type", "null"}};
        schema["$comment"] = "any YAML, checked when it is used";
        break;
    }
    return schema;
  }

  bool m_cadence_used = false;  // a value is a cadence: "definitions" gets the one "cadence"
  std::map<const TypeSpec*, std::string> m_names;
  std::map<std::string, const TypeSpec*> m_taken;
  std::map<std::string, const TypeSpec*> m_pending;
};

}  // namespace

std::string json_schema(const TypeSpec& root, const JsonSchemaHeading& heading) {
  SchemaWriter writer;
  return writer.document(root, heading).dump(2) + "\n";
}

std::string service_json_schema() {
  return json_schema(
      service::service_file_schema(),
      {"https://ppsaudit.invalid/schema/ppsaudit-service-1.schema.json", "ppsaudit service file, format version 1",
       "A service file as ppsaudit reads it (ppsaudit-service(5)), written by `ppsaudit schema service` from the "
       "tables its loader walks. A JSON Schema cannot check that a reference names an entry of its list, that ids "
       "are unique in their list, that a date is a day of its month (unless the validator asserts \"format\"), nor "
       "the rules across fields (dates in order, shares adding up): run `ppsaudit validate` for those."});
}

std::string rules_json_schema() {
  return json_schema(
      rules::pack_file_schema(),
      {"https://ppsaudit.invalid/schema/ppsaudit-rules-1.schema.json", "ppsaudit rule pack, format version 1",
       "A rule pack as ppsaudit reads it (ppsaudit-rules(5)), written by `ppsaudit schema rules` from the tables its "
       "loader walks. A JSON Schema cannot check that rule ids are unique and prefixed with the pack's id, nor the "
       "expressions, fixtures and citations: run `ppsaudit rules lint` for those."});
}

}  // namespace ppsaudit
