#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/service_files.hpp"
#include "diag/diagnostics.hpp"
#include "rules/attestations.hpp"
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

// The rules a service file is audited against, as check chooses them without --profile (its
// framework's profile and its local packs): what its attestations must name. A file is still
// validated on its own, so a local pack that cannot be read (a file read from a pipe names
// packs beside it) is check's error, not this one's: its attestations are then left unchecked,
// with a note that says so.
void check_rules_named(const service::ServiceFile& file, std::optional<LoadedRules>& loaded, Diagnostics& diagnostics) {
  if (file.root.find("attestations") == nullptr) {
    return;  // nothing names a rule: the packs are not read
  }
  if (!loaded) {
    loaded = load_rules_for_audit({}, nullptr, diagnostics);
    if (!loaded) {
      return;
    }
  }
  Diagnostics packs_read;
  const auto packs = local_packs_of(file, *loaded, packs_read);
  if (packs_read.has_errors()) {
    diagnostics.add(Severity::note, file.root.key_location("local_packs"),
                    "the attestations are not checked against the rules in use, for a local pack named here cannot "
                    "be read ('ppsaudit check' says why)");
    return;
  }
  const rules::Profile* profile =
      rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text());
  rules::check_attestations(file, loaded->catalog.rules_for(profile, packs), diagnostics);
}

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
  std::optional<LoadedRules> audit_rules;  // read once, for the first service file
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
        if (!diagnostics.has_errors()) {
          check_rules_named(*file, audit_rules, diagnostics);
        }
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
