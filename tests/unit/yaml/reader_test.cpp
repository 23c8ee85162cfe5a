#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "support.hpp"
#include "yaml/first_key.hpp"
#include "yaml/reader.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::yaml::first_key;
using ppsaudit::yaml::k_max_file_bytes;
using ppsaudit::yaml::k_max_items;
using ppsaudit::yaml::k_max_scalar_bytes;
using ppsaudit::yaml::locate_in_scalar;
using ppsaudit::yaml::RawNode;
using ppsaudit::yaml::read_yaml;
using ppsaudit::yaml::testing::joined;
using ppsaudit::yaml::testing::k_meeting_log;
using ppsaudit::yaml::testing::messages;

namespace {

const auto k_file = std::make_shared<const std::string>("t.yaml");

std::optional<RawNode> read(std::string_view text, Diagnostics& diagnostics) {
  return read_yaml(text, k_file, k_meeting_log, diagnostics);
}

// The errors as the user sees them, one a line, so that a failure prints them.
std::string errors_of(std::string_view text) {
  Diagnostics diagnostics;
  CHECK_FALSE(read(text, diagnostics).has_value());
  return joined(messages(diagnostics));
}

}  // namespace

TEST_CASE("keeps each key and value with its position, in file order") {
  Diagnostics diagnostics;
  const auto root = read("format: 1\ngroup:\n  name: PAG\n  meets: [termly, 'annually']\n", diagnostics);
  REQUIRE(root.has_value());
  CHECK(diagnostics.empty());
  REQUIRE(root->shape == RawNode::Shape::map);
  REQUIRE(root->entries.size() == 2);
  const auto& [key, group] = root->entries[1];
  CHECK(key.text == "group");
  CHECK(key.where.to_string() == "t.yaml:2:1");
  CHECK(group.entries[0].value.where.to_string() == "t.yaml:3:9");
  const auto& meets = group.entries[1].value;
  REQUIRE(meets.items.size() == 2);
  CHECK_FALSE(meets.items[0].quoted);
  CHECK(meets.items[1].quoted);
  CHECK(meets.items[1].where.to_string() == "t.yaml:4:19");
}

TEST_CASE("accepts a byte order mark and CRLF line endings with the same positions") {
  const std::string unix_text = "format: 1\ngroup:\n  name: PAG\n  chair: Ann\n";
  std::string windows = "\xEF\xBB\xBF";
  for (char c : unix_text) {
    if (c == '\n') {
      windows += '\r';
    }
    windows += c;
  }
  Diagnostics diagnostics;
  const auto root = read(windows, diagnostics);
  REQUIRE(root.has_value());
  const auto& chair = root->entries[1].value.entries[1].value;
  CHECK(chair.text == "Ann");
  CHECK(chair.where.to_string() == "t.yaml:4:10");
}

TEST_CASE("names the kind of document it reads in every refusal") {
  CHECK(errors_of("# only a comment\n") ==
        "t.yaml:1:1: error: the file is empty: a meeting log needs at least 'format' and 'group'");
  CHECK(errors_of("format: 1\n---\nformat: 1\n") ==
        "t.yaml:2:1: error: the file holds more than one YAML document: a meeting log is exactly one");
  CHECK(errors_of("format: 1\nx: &a [1]\ny: *a\n") ==
        "t.yaml:2:4: error: anchors ('&a') and aliases are not allowed in a meeting log: write each value out");
  CHECK(errors_of("format: 1\nx: !!str 1\n") ==
        "t.yaml:2:4: error: explicit YAML tags ('tag:yaml.org,2002:str') are not allowed in a meeting log");
  // Unclosed, each '[' opens a sequence and an implicit flow map, so the limit is met at the 13th.
  CHECK(errors_of("x: " + std::string(100000, '[')) ==
        "t.yaml:1:16: error: nesting deeper than 24 levels: a meeting log never needs this much");
  CHECK(errors_of("format: 1\n" + std::string(k_max_file_bytes, '#')) ==
        "t.yaml: error: the file is larger than the limit of 4194304 bytes (4 MiB) for a meeting log");
}

TEST_CASE("refuses a value or key longer than 64 KiB, at its position, with its length") {
  Diagnostics diagnostics;
  CHECK(read("format: 1\nnotes: " + std::string(k_max_scalar_bytes, 'a') + "\n", diagnostics).has_value());
  CHECK(diagnostics.empty());
  CHECK(errors_of("format: 1\nnotes: " + std::string(k_max_scalar_bytes + 1, 'a') + "\n") ==
        "t.yaml:2:8: error: a value of 65537 bytes is longer than the limit of 65536 bytes (64 KiB) for a meeting log");
  // An explicit key: YAML allows a plain one only 1024 characters.
  CHECK(errors_of("format: 1\n? '" + std::string(70000, 'k') + "'\n: 1\n") ==
        "t.yaml:2:3: error: a key of 70000 bytes is longer than the limit of 65536 bytes (64 KiB) for a meeting log");
  // Counted as read: a block's lines joined, without their indentation.
  CHECK(errors_of("format: 1\nnotes: |\n  " + std::string(40000, 'a') + "\n  " + std::string(40000, 'b') + "\n") ==
        "t.yaml:2:8: error: a value of 80002 bytes is longer than the limit of 65536 bytes (64 KiB) for a meeting log");
}

TEST_CASE("refuses a list of more than 10000 items and a map of more than 10000 keys, at its start") {
  std::string list = "format: 1\nitems: [";
  for (std::size_t i = 0; i < k_max_items; ++i) {
    list += "1, ";
  }
  Diagnostics diagnostics;
  const auto root = read(list + "]\n", diagnostics);
  REQUIRE(root.has_value());
  CHECK(root->entries[1].value.items.size() == k_max_items);
  CHECK(errors_of(list + "1, 1]\n") ==
        "t.yaml:2:8: error: a list of 10002 items is longer than the limit of 10000 for a meeting log");
  std::string map = "format: 1\nkeys:\n";
  for (std::size_t i = 0; i <= k_max_items; ++i) {
    map += fmt::format("  k{}: 1\n", i);
  }
  CHECK(errors_of(map) == "t.yaml:3:3: error: a map of 10001 keys is longer than the limit of 10000 for a meeting log");
}

TEST_CASE("refuses invalid UTF-8 and NUL bytes at their position") {
  CHECK(errors_of("format: 1\nname: caf\xE9\n") ==
        "t.yaml:2:10: error: invalid UTF-8 (byte 0xe9): save the file as UTF-8");
  CHECK(errors_of(std::string("format: 1\nname: a\0b\n", 20)) ==
        "t.yaml:2:8: error: the file contains a NUL byte: it is not a text file");
}

TEST_CASE("finds a document's first key without reading the rest") {
  CHECK(first_key("ppsaudit-rules: 1\npack: {}\n") == "ppsaudit-rules");
  CHECK(first_key("\xEF\xBB\xBF# a comment\n\n---\nppsaudit-rules: 1\r\n") == "ppsaudit-rules");
  CHECK(first_key("{ppsaudit-rules: 1, pack: {}}") == "ppsaudit-rules");
  // What the reader refuses after the first key does not hide it.
  CHECK(first_key("ppsaudit-rules: 1\nx: &a 1\n---\n\t: [[[[\n") == "ppsaudit-rules");
  CHECK(first_key("") == std::nullopt);
  CHECK(first_key("# only a comment\n") == std::nullopt);
  CHECK(first_key("- ppsaudit-rules\n") == std::nullopt);
  CHECK(first_key("just text\n") == std::nullopt);
  CHECK(first_key("? [a, b]\n: 1\n") == std::nullopt);
  CHECK(first_key("]\n") == std::nullopt);
}

TEST_CASE("locates an offset within a scalar as written in the file") {
  Diagnostics diagnostics;
  const auto root = read("plain: a && b\nquoted: 'a && b'\nblock: |\n  a &&\n  b\n", diagnostics);
  REQUIRE(root.has_value());
  CHECK(locate_in_scalar(root->entries[0].value, 5).to_string() == "t.yaml:1:13");
  CHECK(locate_in_scalar(root->entries[1].value, 5).to_string() == "t.yaml:2:15");
  CHECK(locate_in_scalar(root->entries[2].value, 5).to_string() == "t.yaml:5:3");
}
