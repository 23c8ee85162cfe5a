#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "yaml/document_kind.hpp"
#include "yaml/raw_node.hpp"

namespace ppsaudit::yaml {

// The limits every document (service file, rule pack, configuration file) must keep within;
// documented in ppsaudit-service(5) and ppsaudit-rules(5). The longest text in the examples and
// the built-in packs is under 3,000 bytes, and the longest list or map under 30 items.
constexpr std::size_t k_max_file_bytes = std::size_t{4} * 1024 * 1024;
constexpr int k_max_nesting = 24;
constexpr std::size_t k_max_scalar_bytes = 65536;  // a value or a key
constexpr std::size_t k_max_items = 10000;         // of a list, or keys of a map

// Reads one YAML document from `text` (the contents of `file`, a document of `kind`, which
// messages name). Refuses, with located errors: a text longer than k_max_file_bytes, invalid
// UTF-8, NUL bytes, syntax errors, more than one document, anchors and aliases, explicit
// tags, nesting deeper than k_max_nesting, a value or key longer than k_max_scalar_bytes, a list
// or map of more than k_max_items. A UTF-8 byte order mark and CRLF line endings are
// accepted. Returns nothing when the file has errors or no document.
std::optional<RawNode> read_yaml(std::string_view text, const std::shared_ptr<const std::string>& file,
                                 const DocumentKind& kind, Diagnostics& diagnostics);

// Reads a whole file; nothing when it cannot. A file larger than k_max_file_bytes is read only
// to one byte past the limit, which read_yaml refuses: only its text tells which kind it is.
std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diagnostics);

}  // namespace ppsaudit::yaml
