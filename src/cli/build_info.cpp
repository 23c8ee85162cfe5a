#include "cli/build_info.hpp"

#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace ppsaudit {

std::string version_text() {
  std::string out = fmt::format("ppsaudit {}", PPSAUDIT_VERSION);
  if (!build_commit().empty()) {
    out += fmt::format(" (git {})", build_commit());
  }
  out += "\nbuilt-in rule packs:\n";
  Diagnostics diagnostics;
  const auto catalog = rules::Catalog::builtin(diagnostics);
  for (const auto& pack : catalog.packs()) {
    out +=
        fmt::format("  {}  edition {}{}\n", pack->id, pack->edition.empty() ? std::string("not given") : pack->edition,
                    pack->year > 0 ? fmt::format(" ({})", pack->year) : std::string());
  }
  return out;
}

}  // namespace ppsaudit
