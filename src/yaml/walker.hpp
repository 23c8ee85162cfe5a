#pragma once

#include <optional>

#include "diag/diagnostics.hpp"
#include "yaml/document_kind.hpp"
#include "yaml/node.hpp"
#include "yaml/raw_node.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::yaml {

// Validates a document's YAML tree against its schema type, reporting every mismatch rather
// than the first; messages name the document by its kind ("the rule pack is missing the
// required key 'pack'"). Nothing when any value is wrong.
std::optional<Node> walk_schema(const RawNode& raw, const TypeSpec& type, const DocumentKind& kind,
                                Diagnostics& diagnostics);

}  // namespace ppsaudit::yaml
