#pragma once

#include "yaml/document_kind.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::service {

// The top-level record of a service file, format version 1.
const yaml::TypeSpec& service_file_schema();

// The format version this build reads.
constexpr int k_format_version = 1;

// How the reader and the walker name a service file in their messages.
inline constexpr yaml::DocumentKind k_service_file{"service file", "'ppsaudit' and 'service'"};

}  // namespace ppsaudit::service
