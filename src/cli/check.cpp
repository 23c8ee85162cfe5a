// `ppsaudit check SERVICE...`: the audit itself.
#include <ostream>

#include "cli/commands.hpp"
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

  const bool color = use_color(options.color);
  bool failed = false;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const service::ServiceFile& file = services[i];
    const rules::Profile* profile =
        chosen != nullptr ? chosen
                          : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text());
    const auto audit = rules::audit_service(file, loaded->catalog.rules_for(profile, loaded->extra_packs), *as_of);
    if (i > 0) {
      out << '\n';
    }
    write_text_report(audit, profile, out, color);
    for (const auto& finding : audit.findings) {
      failed = failed || fails(finding, options.fail_on);
    }
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
