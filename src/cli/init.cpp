#include "cli/init.hpp"

#include <filesystem>
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/starter.hpp"
#include "diag/diagnostics.hpp"

namespace ppsaudit {

ExitCode run_init(const InitOptions& options, std::ostream& out, std::ostream& err) {
  const auto text = starter_text(options.framework);
  Diagnostics diagnostics;
  if (text.empty()) {
    diagnostics.error({}, "internal error: no starter service file for '{}' was built in", options.framework);
    diagnostics.print(err);
    return ExitCode::internal;
  }
  if (options.file.empty()) {
    out << text;
    out.flush();
    return out ? ExitCode::ok : ExitCode::bad_input;
  }
  // A file or a link is refused here, with its remedy; a folder, a FIFO or a device by
  // AtomicFile, which never replaces one. The starter is then only ever linked into place,
  // never renamed over, so that a file made meanwhile is not replaced either.
  std::error_code error;
  const auto existing = std::filesystem::symlink_status(options.file, error);
  if (!options.force && (std::filesystem::is_regular_file(existing) || std::filesystem::is_symlink(existing))) {
    diagnostics.error({}, "'{}' exists; give --force to replace it", options.file);
    diagnostics.print(err);
    return ExitCode::bad_input;
  }
  AtomicFile file(options.file, options.force ? Replace::allowed : Replace::refused);
  file.write(text);
  if (!file.commit(diagnostics)) {
    diagnostics.print(err);
    return ExitCode::bad_input;
  }
  out << options.file << ": ok: starter service file for " << options.framework << " written\n";
  return ExitCode::ok;
}

}  // namespace ppsaudit
