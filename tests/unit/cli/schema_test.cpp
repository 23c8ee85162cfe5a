#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <doctest/doctest.h>

#include "calendar/cadence.hpp"
#include "calendar/cadence_names.hpp"
#include "calendar/date.hpp"
#include "calendar/school_calendar.hpp"
#include "cli/json_schema.hpp"
#include "cli/run.hpp"
#include "yaml/schema_builder.hpp"

namespace {

struct Result {
  int status = 0;
  std::string out;
  std::string err;
};

Result run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = ppsaudit::run(args, out, err);
  return {status, out.str(), err.str()};
}

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(PPSAUDIT_SOURCE_DIR) + "/" + path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using ppsaudit::yaml::k_optional;
using ppsaudit::yaml::k_required;
using ppsaudit::yaml::Kind;

}  // namespace

TEST_CASE("schema report, compare and due print the files of schema/ byte for byte") {
  for (const std::string format : {"report", "compare", "due"}) {
    CAPTURE(format);
    const auto expected = read_source("schema/ppsaudit-" + format + ".schema.json");
    REQUIRE(!expected.empty());
    const auto printed = run({"schema", format});
    CHECK(printed.status == 0);
    CHECK(printed.err.empty());
    CHECK(printed.out == expected);
  }
}

TEST_CASE("schema without a format, or with another word, is a usage error that names the formats") {
  const auto none = run({"schema"});
  CHECK(none.status == 2);
  CHECK(none.out.empty());
  CHECK(none.err ==
        "ppsaudit: error: schema needs a format: ppsaudit schema service|rules|report|compare|due\n"
        "ppsaudit: note: run 'ppsaudit help schema' for usage\n");
  const auto other = run({"schema", "servce"});
  CHECK(other.status == 2);
  CHECK(other.out.empty());
  CHECK(has(other.err, "ppsaudit: error: schema: "));
  CHECK(has(other.err, "servce"));
  CHECK(has(other.err, "service,rules,report,compare,due"));
}

TEST_CASE("schema service and schema rules print draft-07 schemas, the same at every run") {
  for (const std::string format : {"service", "rules"}) {
    CAPTURE(format);
    const auto printed = run({"schema", format});
    CHECK(printed.status == 0);
    CHECK(printed.err.empty());
    CHECK(printed.out.starts_with("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"));
    CHECK(printed.out.ends_with("}\n"));
    CHECK(run({"schema", format}).out == printed.out);
  }
  const auto service = ppsaudit::service_json_schema();
  CHECK(has(service, "\"ppsaudit\": {\n      \"description\": \"the format version: 1\",\n      \"const\": 1\n"));
  CHECK(has(service, "\"required\": [\n    \"ppsaudit\",\n    \"service\"\n  ],\n  \"additionalProperties\": false"));
  CHECK(has(ppsaudit::rules_json_schema(), "\"ppsaudit-rules\": {"));
}

TEST_CASE("a record's keys become properties, with their descriptions, required keys and no others") {
  ppsaudit::yaml::SchemaBuilder b;
  const auto* text = b.scalar(Kind::text, "text");
  const auto* group = b.record("Group", {{"id", text, k_required, "a short id"}});
  const auto* root = b.record("Root", {{"ppsaudit", b.format_version(1), k_required, "the version"},
                                       {"groups", b.list(group, "id"), k_required, "the groups"},
                                       {"chair", b.reference("groups"), k_optional, "who chairs"},
                                       {"kind", b.choice("kind", {"in_house", "other"}), k_optional, "its kind"},
                                       {"share", b.bounded(Kind::number, "fraction", 0, 0.5), k_optional, "its share"},
                                       {"since", b.scalar(Kind::date, "date"), k_optional, "since when"},
                                       {"group", group, k_optional, "one group"}});
  const auto schema = ppsaudit::json_schema(*root, {"https://x.invalid/s.json", "A title", "A description"});
  CHECK(
      schema.starts_with("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
                         "  \"$id\": \"https://x.invalid/s.json\",\n  \"title\": \"A title\",\n"
                         "  \"description\": \"A description\",\n  \"type\": \"object\",\n"));
  // A required list must have an item; an id must be unique, which the schema can only say.
  CHECK(has(schema,
            "\"groups\": {\n      \"description\": \"the groups\",\n      \"type\": \"array\",\n"
            "      \"minItems\": 1,\n      \"maxItems\": 10000,\n      \"items\": {\n        \"$ref\": "
            "\"#/definitions/Group\"\n"));
  CHECK(has(schema, "each item's 'id' is unique in the list"));
  CHECK(has(schema, "\"description\": \"who chairs (the id of an entry of 'groups')\""));
  CHECK(has(schema, "\"enum\": [\n        \"in_house\",\n        \"other\"\n      ]"));
  CHECK(has(schema, "\"minimum\": 0,\n      \"maximum\": 0.5\n"));
  CHECK(has(schema, "\"format\": \"date\""));
  // A record a key holds is a definition, the key keeping its own description.
  CHECK(has(schema, "\"group\": {\n      \"description\": \"one group\",\n      \"allOf\": [\n"));
  CHECK(
      has(schema, "\"definitions\": {\n    \"Group\": {\n      \"title\": \"Group\",\n      \"type\": \"object\",\n"));
  CHECK(has(schema, "\"additionalProperties\": false"));
  CHECK(schema.ends_with("}\n"));
}

namespace {

// Whether `text` matches the kind's pattern as a JSON Schema validator matches it (a search,
// ECMA-262).
bool matches(Kind kind, const std::string& text) {
  return std::regex_search(text, std::regex(ppsaudit::scalar_pattern(kind)));
}

}  // namespace

TEST_CASE("the cadence pattern accepts exactly the cadences parse_cadence reads") {
  std::vector<std::string> texts{"Termly",
                                 " Annually ",
                                 "once  a term",
                                 "EVERY TERM",
                                 "every 2 years",
                                 "every 2 Years",
                                 "every year",
                                 "every years",
                                 "every 1 term",
                                 "every 01 terms",
                                 "every 2 terms",
                                 "every 0 months",
                                 "every 1200 days",
                                 "every 1201 days",
                                 "every 007 weeks",
                                 "every +5 months",
                                 "every -5 months",
                                 "every  2   months",
                                 "every 2",
                                 "every 2 school terms",
                                 "every month",
                                 "every monthss",
                                 "P18M",
                                 "p1y6m",
                                 "P1Y2W",
                                 "P2W",
                                 "P10D",
                                 "P2W3D",
                                 "P1M1D",
                                 "P0M",
                                 "PT1H",
                                 "P",
                                 "P1",
                                 "P1Y 6M",
                                 "P1D2W",
                                 "P1Y1Y",
                                 "P1201M",
                                 "bi-annual",
                                 "Biannually",
                                 "bi annual",
                                 "now and then",
                                 "",
                                 "twice yearly",
                                 "annualy",
                                 "termly termly"};
  for (const auto name : ppsaudit::cadence_names()) {
    texts.emplace_back(name);
  }
  for (const auto& text : texts) {
    CAPTURE(text);
    CHECK(matches(Kind::cadence, text) == std::holds_alternative<ppsaudit::Cadence>(ppsaudit::parse_cadence(text)));
  }
}

TEST_CASE("the date and term boundary patterns accept what their parsers read, but for days a month lacks") {
  for (const std::string text :
       {"2011-01-01", "2012-02-29", "2011-12-31", "2011-13-01", "2011-00-10", "0000-01-01", "0001-01-01", "2011-1-01",
        "20110101", "2011-01-32", "2011-01-00", " 2011-01-01", "2011-01-01x", "last spring"}) {
    CAPTURE(text);
    CHECK(matches(Kind::date, text) == std::holds_alternative<ppsaudit::Date>(ppsaudit::parse_date(text)));
  }
  // Only "format": "date" tells a day its month lacks: the pattern lets it by.
  CHECK(matches(Kind::date, "2011-02-30"));
  CHECK(!std::holds_alternative<ppsaudit::Date>(ppsaudit::parse_date("2011-02-30")));
  for (const std::string text : {"09-01", "easter", "Easter", "EASTER", "02-29", "02-30", "13-01", "04-31", "04-30",
                                 "9-01", "09-1", "00-10", "12-31", "12-32", "easter monday", "09/01"}) {
    CAPTURE(text);
    CHECK(matches(Kind::term_boundary, text) ==
          std::holds_alternative<ppsaudit::TermBoundary>(ppsaudit::parse_term_boundary(text)));
  }
}

TEST_CASE("the academic year, web address and text patterns follow the walker") {
  CHECK(matches(Kind::academic_year, "2007/08"));
  CHECK(matches(Kind::academic_year, "1999/00"));
  CHECK(matches(Kind::academic_year, "2099/00"));
  CHECK(!matches(Kind::academic_year, "2007/09"));
  CHECK(!matches(Kind::academic_year, "2007/8"));
  CHECK(!matches(Kind::academic_year, "07/08"));
  CHECK(!matches(Kind::academic_year, "2007-08"));
  CHECK(matches(Kind::url, "https://example.org"));
  CHECK(matches(Kind::url, "https://xy"));
  CHECK(matches(Kind::url, "http://abc"));
  CHECK(!matches(Kind::url, "http://ab"));
  CHECK(!matches(Kind::url, "https://x"));
  CHECK(!matches(Kind::url, "www.example.org"));
  CHECK(!matches(Kind::url, "ftp://example.org"));
  CHECK(!matches(Kind::url, "https://exa mple.org"));
  CHECK(!matches(Kind::url, "HTTPS://example.org"));
  CHECK(matches(Kind::text, "a"));
  CHECK(matches(Kind::text, " \ra"));
  CHECK(!matches(Kind::text, " \t\n"));
  CHECK(!matches(Kind::text, ""));
}
