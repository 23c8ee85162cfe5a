#pragma once

#include "yaml/document_kind.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::rules {

// What text of a pack is read: the whole file, or the copy an audit reads, whose rules have
// no `fixtures` (rules/fixture_free.hpp).
enum class PackText { whole, without_fixtures };

// The rule pack format, version 1 (ppsaudit-rules(5)), as a schema the yaml walker reads; for
// a copy without fixtures, a rule's `fixtures` are optional.
const yaml::TypeSpec& pack_file_schema(PackText text = PackText::whole);

constexpr int k_pack_format_version = 1;

// How the reader and the walker name a rule pack in their messages.
inline constexpr yaml::DocumentKind k_rule_pack{"rule pack", "'ppsaudit-rules', 'pack' and 'rules'"};

}  // namespace ppsaudit::rules
