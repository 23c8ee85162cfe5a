#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/location.hpp"

namespace ppsaudit::yaml {

// A YAML value as written, before a schema gives it meaning. Only the reader builds it, from
// yaml-cpp's events; nothing else in ppsaudit sees yaml-cpp.
struct RawNode {
  enum class Shape { null, scalar, sequence, map };
  struct Entry;  // a key and its value, defined below, where RawNode is complete

  Shape shape = Shape::null;
  Location where;
  bool quoted = false;           // a quoted or block scalar, whose text is never a number or boolean
  char style = 0;                // a scalar's first character as written: '\'', '"', '|', '>' or 0 for plain
  int block_indent = 0;          // a block scalar's content indentation (1-based column of its first character)
  std::vector<int> block_lines;  // a block scalar's source lines: their lengths after the indentation
  std::string text;
  std::vector<RawNode> items;  // sequence
  std::vector<Entry> entries;  // map, in file order, duplicates kept
};

// One key of a map, with its value. A struct of its own rather than std::pair<RawNode,
// RawNode>, which clang (with libstdc++) refuses to instantiate while RawNode is incomplete.
struct RawNode::Entry {
  RawNode key;
  RawNode value;
};

// How a value is described in messages: "nothing", "text", "quoted text", "a list", "a map".
std::string_view describe_shape(const RawNode& raw);

// Where a byte offset within a scalar's value stands in the file (a rule expression's error).
// Exact for single-line plain and quoted scalars (without escapes) and for literal ('|') and
// folded ('>') block scalars whose lines are not more indented; otherwise close.
Location locate_in_scalar(const RawNode& scalar, std::size_t offset);

}  // namespace ppsaudit::yaml
