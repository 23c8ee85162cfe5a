#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "yaml/node.hpp"
#include "yaml/raw_node.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::yaml {

// Validates a YAML tree against a schema type, reporting every mismatch rather than the
// first; `what` names the tree in messages. Nothing when any value is wrong.
std::optional<Node> walk_schema(const RawNode& raw, const TypeSpec& type, const std::string& what,
                                Diagnostics& diagnostics);

}  // namespace ppsaudit::yaml
