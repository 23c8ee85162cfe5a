#pragma once

#include "yaml/document_kind.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::rules {

// The rule pack format, version 1 (ppsaudit-rules(5)), as a schema the yaml walker reads.
const yaml::TypeSpec& pack_file_schema();

constexpr int k_pack_format_version = 1;

// How the reader and the walker name a rule pack in their messages.
inline constexpr yaml::DocumentKind k_rule_pack{"rule pack", "'ppsaudit-rules', 'pack' and 'rules'"};

}  // namespace ppsaudit::rules
