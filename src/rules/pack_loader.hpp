#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cel/env.hpp"
#include "diag/diagnostics.hpp"
#include "rules/pack.hpp"
#include "rules/pack_schema.hpp"

namespace ppsaudit::rules {

// The environment every rule expression is checked against: CEL's standard library, the
// service file's types and variables, and the domain functions. Built once.
std::shared_ptr<const cel::Env> rule_env();

// Reads one rule pack from its text; `name` is the file name used in messages. Every
// problem (YAML, format, an expression that does not type-check, a fixture that is not a
// valid service file) is reported at its position; the result is empty if any is an error.
// `what` says whether the text may lack fixtures (the copies of built-in packs audits read).
std::unique_ptr<Pack> parse_pack(std::string_view text, std::string_view name, Diagnostics& diagnostics,
                                 PackText what = PackText::whole);

// Reads `path` and parses it.
std::unique_ptr<Pack> load_pack_file(const std::string& path, Diagnostics& diagnostics);

}  // namespace ppsaudit::rules
