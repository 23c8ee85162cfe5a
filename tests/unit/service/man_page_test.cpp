#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "service/schema.hpp"

using ppsaudit::service::service_file_schema;
using ppsaudit::yaml::Kind;
using ppsaudit::yaml::TypeSpec;

namespace {

// The man page as roff source. Keys and words have no characters roff escapes (underscores
// are plain), so a word on the page is the word in the source.
std::string man_page() {
  std::ifstream in(PPSAUDIT_SOURCE_DIR "/man/ppsaudit-service.5", std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open man/ppsaudit-service.5");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The page holds `word` as a whole word, not only inside a longer one ("reach" in "reaches").
bool mentions(std::string_view page, std::string_view word) {
  for (auto at = page.find(word); at != std::string_view::npos; at = page.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(page[at - 1]);
    const bool ends = at + word.size() == page.size() || !is_word_char(page[at + word.size()]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

// Every name the format defines, with where it is defined, for the failure message.
struct Name {
  std::string word;
  std::string where;  // "Policy.kind", or the record type itself
};

struct SchemaNames {
  std::vector<Name> records;
  std::vector<Name> fields;
  std::vector<Name> choices;
};

void collect(const TypeSpec& type, const std::string& where, SchemaNames& names, std::set<const TypeSpec*>& seen) {
  if (!seen.insert(&type).second) {
    return;
  }
  switch (type.kind) {
    case Kind::record:
      names.records.push_back({std::string(type.name), std::string(type.name)});
      for (const auto& field : type.fields) {
        const std::string path = std::string(type.name) + "." + std::string(field.name);
        names.fields.push_back({std::string(field.name), path});
        collect(*field.type, path, names, seen);
      }
      break;
    case Kind::list:
      collect(*type.element, where + "[]", names, seen);
      break;
    case Kind::choice:
      for (const auto& word : type.choices) {
        names.choices.push_back({std::string(word), where});
      }
      break;
    default:
      if (type.readings != nullptr) {
        collect(*type.readings, where, names, seen);
      }
      break;
  }
}

SchemaNames schema_names() {
  SchemaNames names;
  std::set<const TypeSpec*> seen;
  collect(service_file_schema(), "", names, seen);
  return names;
}

// The page documents `key` as the tag of an entry (".TP" then ".B key"), not only mentions it,
// say in the example.
bool documents_key(std::string_view page, std::string_view key) {
  return page.find(".B " + std::string(key) + "\n") != std::string_view::npos;
}

// "Policy.kind: safeguarding, Group.type: sub_group" for the names the page lacks; "" if none.
std::string missing_from(std::string_view page, const std::vector<Name>& names,
                         bool (*found)(std::string_view, std::string_view) = mentions) {
  std::string missing;
  for (const auto& name : names) {
    if (!found(page, name.word)) {
      missing += missing.empty() ? "" : ", ";
      missing += name.where == name.word ? name.word : name.where + ": " + name.word;
    }
  }
  return missing;
}

}  // namespace

TEST_CASE("the service man page names every key of every record of the format") {
  const auto names = schema_names();
  REQUIRE(names.fields.size() > 100);  // the walk reached the nested records
  CHECK_MESSAGE(
      missing_from(man_page(), names.fields, documents_key).empty(),
      "keys not documented in man/ppsaudit-service.5: " << missing_from(man_page(), names.fields, documents_key));
}

TEST_CASE("the service man page lists every allowed word of every choice") {
  const auto names = schema_names();
  REQUIRE(names.choices.size() > 100);
  CHECK_MESSAGE(missing_from(man_page(), names.choices).empty(),
                "choice words missing from man/ppsaudit-service.5: " << missing_from(man_page(), names.choices));
}

TEST_CASE("the service man page names every record type of the format") {
  const auto names = schema_names();
  CHECK_MESSAGE(missing_from(man_page(), names.records).empty(),
                "record types missing from man/ppsaudit-service.5: " << missing_from(man_page(), names.records));
}

TEST_CASE("the man page check finds whole words and tagged keys only") {
  CHECK(documents_key(".TP\n.B review_cadence\n", "review_cadence"));
  CHECK_FALSE(documents_key("  review_cadence: annually\n", "review_cadence"));
  CHECK(mentions(".BR reach ,", "reach"));
  CHECK(mentions("reach", "reach"));
  CHECK_FALSE(mentions("it reaches people", "reach"));
  CHECK_FALSE(mentions("parents_and_carers", "parents"));
}
