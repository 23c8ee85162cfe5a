// `ppsaudit check SERVICE...`: the audit itself.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/json_report.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/terminal.hpp"
#include "cli/text_report.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

ExitCode run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  // Read every input before judging anything, so that input errors are reported together.
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  const rules::Profile* chosen = nullptr;
  if (!options.profile.empty()) {
    chosen = rules::find_profile(options.profile);
    if (chosen == nullptr) {
      diagnostics.error({}, "unknown profile '{}' (known: pps, iass)", options.profile);
    }
  }
  std::vector<service::ServiceFile> services;
  for (const auto& path : options.files) {
    if (auto file = service::load_service(path, diagnostics)) {
      services.push_back(std::move(*file));
    }
  }
  auto loaded = load_rules(options.rules, diagnostics);
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }

  std::vector<AuditedService> audited;
  bool failed = false;
  for (const auto& file : services) {
    const rules::Profile* profile =
        chosen != nullptr ? chosen
                          : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text());
    audited.push_back(
        {rules::audit_service(file, loaded->catalog.rules_for(profile, loaded->extra_packs), *as_of), profile});
    for (const auto& finding : audited.back().audit.findings) {
      failed = failed || fails(finding, options.fail_on);
    }
  }

  if (options.format == "json") {
    out << json_report(audited);
  } else {
    const bool color = use_color(options.color);
    for (std::size_t i = 0; i < audited.size(); ++i) {
      if (i > 0) {
        out << '\n';
      }
      write_text_report(audited[i].audit, audited[i].profile, out, color);
    }
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
