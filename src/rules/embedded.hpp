#pragma once

#include <span>
#include <string_view>

namespace ppsaudit::rules {

// A file of rules/ compiled into the binary; `name` is its path in the repository, and
// `audit_text` the same pack without its fixtures (rules/fixture_free.hpp), for audits.
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
  std::string_view audit_text;
};

// The packs under rules/, in path order (generated at build time by cmake/embed.cmake).
std::span<const EmbeddedFile> embedded_packs();

}  // namespace ppsaudit::rules
