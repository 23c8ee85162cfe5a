#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"

namespace ppsaudit::service {

// The limits a service file must keep within; documented in ppsaudit-service(5).
constexpr std::size_t k_max_file_bytes = 4 * 1024 * 1024;
constexpr int k_max_nesting = 24;

// A YAML value as written, before the schema gives it meaning. Only this reader and the
// loader see it; nothing else in ppsaudit sees yaml-cpp.
struct RawNode {
  enum class Shape { null, scalar, sequence, map };

  Shape shape = Shape::null;
  Location where;
  bool quoted = false;  // a quoted or block scalar, whose text is never a number or boolean
  char style = 0;       // a scalar's first character as written: '\'', '"', '|', '>' or 0 for plain
  int block_indent = 0; // a block scalar's content indentation (1-based column of its first character)
  std::vector<int> block_lines;  // a block scalar's source lines: their lengths after the indentation
  std::string text;
  std::vector<RawNode> items;                             // sequence
  std::vector<std::pair<RawNode, RawNode>> entries;       // map, in file order, duplicates kept
};

// Where a byte offset within a scalar's value stands in the file (a rule expression's error).
// Exact for single-line plain and quoted scalars (without escapes) and for literal ('|') and
// folded ('>') block scalars whose lines are not more indented; otherwise close.
Location locate_in_scalar(const RawNode& scalar, std::size_t offset);

// Reads one YAML document from `text` (the contents of `file`). Refuses, with located
// errors: invalid UTF-8, NUL bytes, syntax errors, more than one document, anchors and
// aliases, explicit tags, nesting deeper than k_max_nesting. A UTF-8 byte order mark and
// CRLF line endings are accepted. Returns nothing when the file has errors or no document.
std::optional<RawNode> read_yaml(std::string_view text, const std::shared_ptr<const std::string>& file,
                                 Diagnostics& diagnostics);

// Reads a whole file, refusing one larger than k_max_file_bytes; nothing when it cannot.
std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diagnostics);

}  // namespace ppsaudit::service
