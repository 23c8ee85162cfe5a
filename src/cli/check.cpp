// `ppsaudit check SERVICE...`: the audit itself.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/terminal.hpp"
#include "cli/text_report.hpp"
#include "rules/deadlines.hpp"
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

  ReportContext context;
  context.due_within_days = options.due_within_days;
  bool failed = false;
  for (const auto& file : services) {
    const rules::Profile* profile =
        chosen != nullptr ? chosen
                          : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text());
    const auto rules = loaded->catalog.rules_for(profile, loaded->extra_packs);
    context.services.push_back({rules::audit_service(file, rules, *as_of), profile,
                                rules::upcoming_deadlines(file, rules, *as_of, options.due_within_days)});
    for (const auto& finding : context.services.back().audit.findings) {
      failed = failed || fails(finding, options.fail_on);
    }
  }

  // Files first, each whole or not at all; then standard output.
  Diagnostics writing;
  for (const auto& [format, path] : options.outputs) {
    write_file_atomically(path, render_report(format, context), writing);
  }
  writing.print(err);
  if (writing.has_errors()) {
    return ExitCode::bad_input;
  }
  if (options.outputs.empty() || options.format_given) {
    context.color = options.format == ReportFormat::text && use_color(options.color);
    out << render_report(options.format, context);
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
