#pragma once

#include <string>
#include <string_view>

namespace ppsaudit {

// The git commit this binary was built from (short hash, "+" after it when the tree had
// uncommitted changes), or "" when it was not built from a git checkout. Generated at each
// build by cmake/git_commit.cmake.
std::string_view build_commit();

// What `ppsaudit --version` (and `version`, `-V`) prints: the version, the commit when known,
// and each built-in rule pack's id, edition and year.
std::string version_text();

}  // namespace ppsaudit
