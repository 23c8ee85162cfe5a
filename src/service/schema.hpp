#pragma once

#include "yaml/schema.hpp"

namespace ppsaudit::service {

// The top-level record of a service file, format version 1.
const yaml::TypeSpec& service_file_schema();

// The format version this build reads.
constexpr int k_format_version = 1;

}  // namespace ppsaudit::service
