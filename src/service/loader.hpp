#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "service/document.hpp"

namespace ppsaudit::service {

// Parses and validates one service file from its text; `name` is the file name used in
// messages. Every problem found is added to `diagnostics`; the result is empty if any is an error.
std::optional<ServiceFile> parse_service(std::string_view text, std::string_view name, Diagnostics& diagnostics);

// Reads `path` and parses it; an unreadable file is an error like any other.
std::optional<ServiceFile> load_service(const std::string& path, Diagnostics& diagnostics);

}  // namespace ppsaudit::service
