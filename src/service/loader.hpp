#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "service/service_file.hpp"
#include "yaml/raw_node.hpp"

namespace ppsaudit::service {

// Parses and validates one service file from its text; `name` is the file name used in
// messages. Every problem found is added to `diagnostics`; the result is empty if any is an error.
std::optional<ServiceFile> parse_service(std::string_view text, std::string_view name, Diagnostics& diagnostics);

// Validates an already-read YAML tree as a service file (a rule fixture's data, say).
std::optional<ServiceFile> parse_service_tree(const yaml::RawNode& raw, const std::shared_ptr<const std::string>& file,
                                              Diagnostics& diagnostics);

// Reads `path` and parses it; an unreadable file is an error like any other.
std::optional<ServiceFile> load_service(const std::string& path, Diagnostics& diagnostics);

}  // namespace ppsaudit::service
