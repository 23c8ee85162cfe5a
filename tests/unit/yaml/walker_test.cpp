#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "support.hpp"
#include "yaml/reader.hpp"
#include "yaml/schema_builder.hpp"
#include "yaml/walker.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::yaml::AcademicYear;
using ppsaudit::yaml::k_optional;
using ppsaudit::yaml::k_required;
using ppsaudit::yaml::Kind;
using ppsaudit::yaml::Node;
using ppsaudit::yaml::SchemaBuilder;
using ppsaudit::yaml::TypeSpec;
using ppsaudit::yaml::testing::joined;
using ppsaudit::yaml::testing::k_meeting_log;
using ppsaudit::yaml::testing::messages;

namespace {

// A small format of its own, shaped like the service file, so that the walker is tested
// apart from any real format.
const TypeSpec& meeting_log_schema() {
  static SchemaBuilder b;
  static const TypeSpec* root = [] {
    const auto* text = b.scalar(Kind::text, "text");
    const auto* date = b.scalar(Kind::date, "date");
    const auto* cadence = b.scalar(Kind::cadence, "cadence");
    const auto* boolean = b.scalar(Kind::boolean, "boolean");
    const auto* hosting = b.choice("hosting", {"in_house", "voluntary_sector"});
    const auto* member = b.record("GroupMember", {{"id", text, k_required, "the member's id"},
                                                  {"represents", text, k_required, "whom they speak for"},
                                                  {"joined", date, k_optional, "when they joined"}});
    const auto* meeting = b.record(
        "Meeting", {{"date", date, k_required, "when it met"},
                    {"attendance", b.bounded(Kind::integer, "attendance", 0, 100000), k_optional, "how many came"},
                    {"hours", b.bounded(Kind::number, "hours", 0, 24), k_optional, "how long it sat"},
                    {"quorate", boolean, k_optional, "whether it was quorate"},
                    {"year", b.scalar(Kind::academic_year, "academic year"), k_optional, "its school year"}});
    const auto* group = b.record("AdvisoryGroup", {{"name", text, k_required, "the group's name"},
                                                   {"hosting", hosting, k_required, "who runs it"},
                                                   {"meets", cadence, k_optional, "how often it meets"},
                                                   {"members", b.list(member, "id"), k_required, "who sits on it"},
                                                   {"meetings", b.list(meeting), k_optional, "when it met"}});
    return b.record("MeetingLog", {{"format", b.format_version(1), k_required, "the format version: 1"},
                                   {"group", group, k_required, "the group"}});
  }();
  return *root;
}

constexpr std::string_view k_minimal =
    "format: 1\n"
    "group:\n"
    "  name: PAG\n"
    "  hosting: in_house\n"
    "  members: [{id: p1, represents: parents}]\n";

std::optional<Node> walk(std::string_view text, Diagnostics& diagnostics) {
  auto raw = ppsaudit::yaml::read_yaml(text, std::make_shared<const std::string>("t.yaml"), k_meeting_log, diagnostics);
  REQUIRE(raw.has_value());
  return ppsaudit::yaml::walk_schema(*raw, meeting_log_schema(), k_meeting_log, diagnostics);
}

// The errors as the user sees them, one a line, so that a failure prints them.
std::string errors_of(std::string_view text) {
  Diagnostics diagnostics;
  CHECK_FALSE(walk(text, diagnostics).has_value());
  return joined(messages(diagnostics));
}

}  // namespace

TEST_CASE("types dates, cadences, numbers and academic years as it reads them") {
  std::string text(k_minimal);
  text +=
      "  meets: every 2 years\n"
      "  meetings:\n"
      "    - {date: 2007-09-01, attendance: 12, hours: 1.5, quorate: true, year: 2007/08}\n";
  Diagnostics diagnostics;
  const auto root = walk(text, diagnostics);
  REQUIRE(root.has_value());
  CHECK(diagnostics.empty());
  const Node& group = *root->find("group");
  CHECK(std::get<ppsaudit::Cadence>(group.find("meets")->value).to_string() == "biennially");
  const Node& meeting = group.find("meetings")->as_list()->at(0);
  CHECK(meeting.find("date")->as_date()->to_string() == "2007-09-01");
  CHECK(std::get<std::int64_t>(meeting.find("attendance")->value) == 12);
  CHECK(std::get<double>(meeting.find("hours")->value) == 1.5);
  CHECK(std::get<bool>(meeting.find("quorate")->value));
  CHECK(std::get<AcademicYear>(meeting.find("year")->value).start == 2007);
  CHECK(group.key_location("meets").to_string() == "t.yaml:6:3");
  CHECK(meeting.find("year")->where.to_string() == "t.yaml:8:75");
}

TEST_CASE("reports every problem in a document, in order, not only the first") {
  const std::string errors = errors_of(
      "format: 1\n"
      "group:\n"
      "  name: PAG\n"
      "  hosting: inhouse\n"
      "  members: [{id: p1, represents: parents}]\n"
      "  meats: termly\n"
      "  meets: bi-annual\n");
  CHECK(
      errors.starts_with("t.yaml:4:12: error: 'hosting' is 'inhouse', which is not a known hosting "
                         "(did you mean 'in_house'?); known: in_house, voluntary_sector\n"
                         "t.yaml:6:3: error: unknown key 'meats' in 'group' (did you mean 'meets'?)\n"
                         "t.yaml:7:10: error: 'meets': 'bi-annual' is ambiguous"));
  CHECK(std::count(errors.begin(), errors.end(), '\n') == 2);
}

TEST_CASE("reports a duplicate key at both of its positions") {
  std::string text(k_minimal);
  text += "  name: Again\n";
  CHECK(errors_of(text) ==
        "t.yaml:6:3: error: duplicate key 'name' in 'group'\n"
        "t.yaml:3:3: note: 'name' is first given here");
}

TEST_CASE("reports a missing required key at its parent's position, and names the document by its kind") {
  CHECK(errors_of("format: 1\ngroup:\n  name: PAG\n  members: [{id: p1, represents: parents}]\n") ==
        "t.yaml:3:3: error: 'group' is missing the required key 'hosting' (who runs it)");
  CHECK(errors_of("format: 1\n") ==
        "t.yaml:1:1: error: the meeting log is missing the required key 'group' (the group)");
}

TEST_CASE("names a list item by its id in messages, and refuses a repeated id") {
  CHECK(errors_of("format: 1\ngroup:\n  name: PAG\n  hosting: in_house\n"
                  "  members: [{id: p1, represents: parents, joind: 2007-01-01}]\n") ==
        "t.yaml:5:43: error: unknown key 'joind' in group member 'p1' (did you mean 'joined'?)");
  CHECK(errors_of("format: 1\ngroup:\n  name: PAG\n  hosting: in_house\n"
                  "  members: [{id: p1, represents: parents}, {id: p1, represents: carers}]\n") ==
        "t.yaml:5:49: error: duplicate id 'p1': ids must be unique in the list\n"
        "t.yaml:5:18: note: 'p1' is first used here");
}

TEST_CASE("does not count a misspelt required key as missing as well") {
  CHECK(errors_of("format: 1\ngroup:\n  nme: PAG\n  hosting: in_house\n  members: [{id: p1, represents: x}]\n") ==
        "t.yaml:3:3: error: unknown key 'nme' in 'group' (did you mean 'name'?)");
}

TEST_CASE("refuses what YAML 1.1 would silently misread") {
  std::string text(k_minimal);
  text +=
      "  meetings:\n"
      "    - {date: 2008-01-10, quorate: yes, attendance: 010}\n"
      "    - {date: 2008-02-10, quorate: 'true', attendance: '12'}\n";
  CHECK(errors_of(text) ==
        "t.yaml:7:35: error: 'quorate' must be true or false, found text 'yes'\n"
        "t.yaml:7:52: error: 'attendance' is '010', with a leading zero that YAML 1.1 reads as octal: write it "
        "without\n"
        "t.yaml:8:35: error: 'quorate' must be true or false, found quoted text 'true'\n"
        "t.yaml:8:55: error: 'attendance' must be a whole number, found quoted text '12': remove the quotes");
}

TEST_CASE("refuses another format version as unsupported, whatever its key is called") {
  std::string text(k_minimal);
  text.replace(0, 9, "format: 2");
  CHECK(errors_of(text) == "t.yaml:1:9: error: unsupported format version 2: this ppsaudit reads version 1");
  // Any other bounded number is only out of range.
  text = std::string(k_minimal) + "  meetings: [{date: 2008-01-10, hours: 25}]\n";
  CHECK(errors_of(text) == "t.yaml:6:40: error: 'hours' is 25, outside the range 0 to 24 for hours");
}
