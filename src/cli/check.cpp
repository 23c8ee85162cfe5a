// `ppsaudit check SERVICE...`: the audit itself.
#include "cli/check.hpp"

#include <algorithm>
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/rule_inputs.hpp"
#include "rules/deadlines.hpp"
#include "rules/era.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

const std::vector<std::pair<std::string_view, FailOn>>& fail_on_words() {
  static const std::vector<std::pair<std::string_view, FailOn>> k_words{
      {"must", FailOn::must}, {"should", FailOn::should}, {"any", FailOn::any}, {"none", FailOn::none}};
  return k_words;
}

const std::vector<std::pair<std::string_view, EraMode>>& era_words() {
  static const std::vector<std::pair<std::string_view, EraMode>> k_words{{"warn", EraMode::warn},
                                                                         {"strict", EraMode::strict}};
  return k_words;
}

bool fails(const rules::Finding& finding, FailOn fail_on) {
  if (finding.outcome != rules::Outcome::not_met && finding.outcome != rules::Outcome::not_assessable) {
    return false;
  }
  switch (fail_on) {
    case FailOn::must:
      return rules::is_legal_duty(finding.rule->strength);
    case FailOn::should:
      return finding.rule->strength <= rules::Strength::minimum_standard;
    case FailOn::any:
      return true;
    case FailOn::none:
      return false;
  }
  return false;
}

ExitCode run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  // Read every input before judging anything, so that input errors are reported together.
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  const rules::Profile* chosen =
      options.profile.empty() ? nullptr : find_profile_or_report(options.profile, diagnostics);
  std::vector<service::ServiceFile> services;
  for (const auto& path : options.files) {
    if (auto file = service::load_service(path, diagnostics)) {
      services.push_back(std::move(*file));
    }
  }
  auto loaded = load_rules(options.rules, diagnostics);
  const auto service_packs =
      loaded ? add_local_packs(services, *loaded, diagnostics) : std::vector<std::vector<std::string>>{};
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }

  // Say where the profile, the audit date and a service's framework disagree: a warning that
  // every report repeats, or with --era strict an input error.
  std::vector<const rules::Profile*> profiles;
  std::vector<std::vector<rules::EraNote>> era_notes;
  Diagnostics eras;
  for (const auto& file : services) {
    profiles.push_back(chosen != nullptr
                           ? chosen
                           : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text()));
    era_notes.push_back(rules::era_mismatches(file, profiles.back(), loaded->catalog, *as_of));
    for (const auto& note : era_notes.back()) {
      eras.add(options.era == EraMode::strict ? Severity::error : Severity::warning, note.where, note.message);
    }
  }
  eras.print(err);
  if (eras.has_errors()) {
    return ExitCode::bad_input;
  }

  report::Report report;
  report.due_within_days = options.due_within_days;
  bool failed = false;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& file = services[i];
    const rules::Profile* profile = profiles[i];
    const auto rules = loaded->catalog.rules_for(profile, service_packs[i]);
    report::AuditedService audited;
    audited.audit = rules::audit_service(file, rules, *as_of);
    audited.profile = profile;
    audited.upcoming = rules::upcoming_deadlines(file, rules, *as_of, options.due_within_days);
    audited.era_notes = std::move(era_notes[i]);
    audited.era_conflicts = rules::era_conflicts(file);
    audited.readings = rules::other_readings(file, rules, *as_of, audited.audit);
    report.services.push_back(std::move(audited));
    for (const auto& finding : report.services.back().audit.findings) {
      failed = failed || fails(finding, options.fail_on);
    }
  }

  // Files first, each whole or not at all; then standard output.
  Diagnostics writing;
  for (const auto& [format, path] : options.outputs) {
    write_file_atomically(path, format->render(report), writing);
  }
  writing.print(err);
  if (writing.has_errors()) {
    return ExitCode::bad_input;
  }
  if (options.outputs.empty() || options.format_given) {
    const report::Format& format = options.format != nullptr ? *options.format : report::formats().front();
    report.color = format.name == "text" && use_color(options.color);
    out << format.render(report);
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
