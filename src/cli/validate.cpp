#include <ostream>

#include "cli/commands.hpp"
#include "diag/diagnostics.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  // Every file is read and every problem reported before the exit status is decided.
  bool all_ok = true;
  for (const auto& path : options.files) {
    Diagnostics diagnostics;
    auto file = service::load_service(path, diagnostics);
    diagnostics.print(err);
    if (file && !diagnostics.has_errors()) {
      out << path << ": ok: service '" << file->name() << "'\n";
    } else {
      all_ok = false;
    }
  }
  return all_ok ? ExitCode::ok : ExitCode::bad_input;
}

}  // namespace ppsaudit
