#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/service_files.hpp"
#include "diag/diagnostics.hpp"
#include "rules/pack_loader.hpp"
#include "service/loader.hpp"
#include "text/printable.hpp"
#include "yaml/first_key.hpp"
#include "yaml/reader.hpp"

namespace ppsaudit {

namespace {

// A rule pack or a configuration file says so in its first key, even when the reader refuses
// it later on (so that its messages name what it is); anything else is read as a service file.
constexpr std::string_view k_rule_pack_key = "ppsaudit-rules";

}  // namespace

ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  if (options.files.size() > k_max_service_files) {
    // Refused before any is read, as check refuses a register of more.
    Diagnostics diagnostics;
    diagnostics.error({}, "{} files named, more than {}, the limit for one run: validate them in parts",
                      options.files.size(), k_max_service_files);
    diagnostics.print(err);
    return ExitCode::bad_input;
  }
  // Every file is read and every problem reported before the exit status is decided.
  bool all_ok = true;
  for (const auto& path : options.files) {
    Diagnostics diagnostics;
    std::string summary;
    if (auto text = yaml::read_file_text(path, diagnostics)) {
      const auto first_key = yaml::first_key(*text);  // scans only to the first key
      if (first_key == k_config_key) {
        if (parse_config(*text, path, diagnostics)) {
          summary = "configuration file";
        }
      } else if (first_key == k_rule_pack_key) {
        if (auto pack = rules::parse_pack(*text, path, diagnostics)) {
          summary = fmt::format("rule pack '{}', {} rules", pack->id, pack->rules.size());
        }
      } else if (auto file = service::parse_service(*text, path, diagnostics)) {
        summary = fmt::format("service '{}'", file->name());
      }
    }
    diagnostics.print(err);
    if (!summary.empty() && !diagnostics.has_errors()) {
      out << printable(path) << ": ok: " << printable(summary) << '\n';
    } else {
      all_ok = false;
    }
  }
  return all_ok ? ExitCode::ok : ExitCode::bad_input;
}

}  // namespace ppsaudit
