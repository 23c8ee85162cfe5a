// `ppsaudit check SERVICE...`: the audit itself.
#include "cli/check.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/service_files.hpp"
#include "report/baseline.hpp"
#include "rules/deadlines.hpp"
#include "rules/era.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

const std::vector<std::pair<std::string_view, FailOn>>& fail_on_words() {
  static const std::vector<std::pair<std::string_view, FailOn>> k_words{{"must", FailOn::must},
                                                                        {"should", FailOn::should},
                                                                        {"any", FailOn::any},
                                                                        {"none", FailOn::none},
                                                                        {"new", FailOn::new_failures}};
  return k_words;
}

const std::vector<std::pair<std::string_view, EraMode>>& era_words() {
  static const std::vector<std::pair<std::string_view, EraMode>> k_words{{"warn", EraMode::warn},
                                                                         {"strict", EraMode::strict}};
  return k_words;
}

bool fails(const rules::Finding& finding, FailOn fail_on, bool is_new) {
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
    case FailOn::new_failures:
      return is_new && fails(finding, FailOn::should);
  }
  return false;
}

ExitCode run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  // What the command line names must all be usable before any service is read: without the
  // audit date, the profile or the --rules packs nothing can be audited.
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  const rules::Profile* chosen =
      options.profile.empty() ? nullptr : find_profile_or_report(options.profile, diagnostics);
  const auto files = service_files(options.files, diagnostics);
  auto loaded = load_rules_for_audit(options.rules, chosen, diagnostics);
  std::optional<report::Baseline> baseline;
  if (!options.baseline.empty()) {
    baseline = report::read_baseline(options.baseline, diagnostics);
  } else if (options.fail_on == FailOn::new_failures) {
    diagnostics.error({},
                      "--fail-on new needs a baseline (--baseline, or 'baseline' in the configuration file): 'new' "
                      "means new since it");
  }
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }

  // Each service file on its own: one that cannot be read, whose local packs cannot be used,
  // or (with --era strict) whose framework disagrees with the profile or the audit date, is
  // reported with its errors, and every other service is still audited.
  report::Report report;
  report.due_within_days = options.due_within_days;
  std::deque<service::ServiceFile> services;  // what each audit points into: addresses must not move
  for (const auto& path : files) {
    Diagnostics own;
    auto file = service::load_service(path, own);
    report::AuditedService audited;
    std::vector<std::string> packs;
    if (file) {
      packs = local_packs_of(*file, *loaded, own);
      // Where the profile, the audit date and the service's framework disagree: a warning
      // that every report repeats, or with --era strict an input error.
      audited.profile = chosen != nullptr
                            ? chosen
                            : rules::profile_for_framework(*file->root.find("service")->find("framework")->as_text());
      audited.era_notes = rules::era_mismatches(*file, audited.profile, loaded->catalog, *as_of);
      for (const auto& note : audited.era_notes) {
        own.add(options.era == EraMode::strict ? Severity::error : Severity::warning, note.where, note.message);
      }
    }
    own.print(err);
    if (!file || own.has_errors()) {
      report.broken.push_back({path, own.all()});
      continue;
    }
    const auto& service = services.emplace_back(std::move(*file));
    const auto rules = loaded->catalog.rules_for(audited.profile, packs);
    audited.audit = rules::audit_service(service, rules, *as_of);
    audited.upcoming = rules::upcoming_deadlines(service, rules, *as_of, options.due_within_days);
    audited.era_conflicts = rules::era_conflicts(service);
    audited.readings = rules::other_readings(service, rules, *as_of, audited.audit);
    report.services.push_back(std::move(audited));
  }

  // Each result marked against the baseline; a baseline of another profile, or a register
  // whose services cannot be told apart, is refused before any report is written.
  if (baseline) {
    Diagnostics comparing;
    const bool compared = report::compare_with_baseline(report, *baseline, comparing);
    comparing.print(err);
    if (!compared) {
      return ExitCode::bad_input;
    }
  }
  bool failed = false;
  for (const auto& audited : report.services) {
    for (const auto& finding : audited.audit.findings) {
      const auto state = report::baseline_state(audited, finding);
      failed = failed || fails(finding, options.fail_on, state == report::BaselineState::new_result);
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
  if (!report.broken.empty()) {
    return ExitCode::bad_input;
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
