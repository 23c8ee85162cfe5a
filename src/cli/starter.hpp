#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace ppsaudit {

// A starter service file of examples/starter/ compiled into the binary; `path` is its path in
// the repository, `text` its bytes.
struct StarterFile {
  std::string_view path;
  std::string_view text;
};

// The starters under examples/starter/, in path order (generated at build time by
// cmake/embed_files.cmake).
std::span<const StarterFile> starter_files();

// The --framework words of `ppsaudit init`, each with the path of its starter; the first is
// the default, the current framework.
const std::vector<std::pair<std::string_view, std::string_view>>& starter_framework_words();

// The starter for a framework word of starter_framework_words(); empty when it has none.
std::string_view starter_text(std::string_view framework);

}  // namespace ppsaudit
