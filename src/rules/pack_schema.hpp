#pragma once

#include "yaml/schema.hpp"

namespace ppsaudit::rules {

// The rule pack format, version 1 (ppsaudit-rules(5)), as a schema the yaml walker reads.
const yaml::TypeSpec& pack_file_schema();

constexpr int k_pack_format_version = 1;

}  // namespace ppsaudit::rules
