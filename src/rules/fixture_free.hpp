#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::rules {

// The text of a rule pack without what only `rules lint` and `rules test` read: each rule's
// `fixtures` and the pack's `fixture_base`. Every other byte keeps its line and column (the
// lines removed are left empty), so a rule or an expression is located exactly as in the
// full pack; read it with PackText::without_fixtures. The build makes these copies for audits (cmake/
// strip_fixtures.cpp); it uses only the standard library, so that build tool can compile it.
std::string without_fixtures(std::string_view text);

}  // namespace ppsaudit::rules
