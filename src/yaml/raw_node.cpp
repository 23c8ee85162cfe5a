#include "yaml/raw_node.hpp"

#include <algorithm>

namespace ppsaudit::yaml {

std::string_view describe_shape(const RawNode& raw) {
  switch (raw.shape) {
    case RawNode::Shape::null:
      return "nothing";
    case RawNode::Shape::scalar:
      return raw.quoted ? "quoted text" : "text";
    case RawNode::Shape::sequence:
      return "a list";
    case RawNode::Shape::map:
      return "a map";
  }
  return "a value";
}

Location locate_in_scalar(const RawNode& scalar, std::size_t offset) {
  Location where = scalar.where;
  if (scalar.style != '|' && scalar.style != '>') {
    where.column += (scalar.style != 0 ? 1 : 0) + static_cast<int>(offset);
    return where;
  }
  // Both block styles give one character of the value per character of a source line, and
  // one for each line break (a newline, or the space a folded break becomes).
  std::size_t consumed = 0;
  for (std::size_t i = 0; i < scalar.block_lines.size(); ++i) {
    const auto length = static_cast<std::size_t>(scalar.block_lines[i]);
    if (offset <= consumed + length || i + 1 == scalar.block_lines.size()) {
      where.line += static_cast<int>(i) + 1;
      where.column = scalar.block_indent + static_cast<int>(offset - std::min(offset, consumed));
      return where;
    }
    consumed += length + 1;
  }
  return where;
}

}  // namespace ppsaudit::yaml
