// `ppsaudit compare A B`: two services' audits side by side.
#include "cli/compare.hpp"

#include <ostream>
#include <utility>

#include <fmt/format.h>

#include "cli/output_file.hpp"
#include "cli/output_paths.hpp"
#include "cli/rule_inputs.hpp"
#include "report/compare.hpp"
#include "rules/attestations.hpp"
#include "rules/era.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

namespace {

// "--output json=cmp.json": each format and path, or an error for each bad one.
std::vector<std::pair<const report::CompareFormat*, std::string>> parse_outputs(const std::vector<std::string>& specs,
                                                                                Diagnostics& diagnostics) {
  std::vector<std::pair<const report::CompareFormat*, std::string>> outputs;
  for (const auto& spec : specs) {
    const auto equals = spec.find('=');
    const auto* format = equals == std::string::npos ? nullptr : report::find_compare_format(spec.substr(0, equals));
    if (format == nullptr || equals + 1 >= spec.size()) {
      diagnostics.add(Severity::error, {},
                      fmt::format("--output '{}': write it as FORMAT=PATH, with FORMAT one of {}", spec,
                                  fmt::join(report::compare_format_names(), ", ")));
      continue;
    }
    outputs.emplace_back(format, spec.substr(equals + 1));
  }
  return outputs;
}

}  // namespace

ExitCode run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  // Read both services, their packs and the options before judging anything, so that every
  // input error is reported together.
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  const rules::Profile* chosen =
      options.profile.empty() ? nullptr : find_profile_or_report(options.profile, diagnostics);
  const auto outputs = parse_outputs(options.outputs, diagnostics);
  std::vector<service::ServiceFile> services;
  for (const auto* path : {&options.a, &options.b}) {
    if (auto file = service::load_service(*path, diagnostics)) {
      services.push_back(std::move(*file));
    }
  }
  auto loaded = load_rules_for_audit({}, chosen, diagnostics);
  // Each service under its own profile and packs, whose rules its attestations must name.
  std::vector<const rules::Profile*> profiles;
  std::vector<std::vector<const rules::Rule*>> service_rules;
  std::vector<std::vector<rules::Waiver>> service_waivers;
  for (const auto& file : services) {
    if (loaded) {
      Diagnostics packs_read;
      const auto packs = local_packs_of(file, *loaded, packs_read);
      profiles.push_back(chosen != nullptr
                             ? chosen
                             : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text()));
      service_rules.push_back(loaded->catalog.rules_for(profiles.back(), packs));
      if (!packs_read.has_errors()) {
        rules::check_attestations(file, service_rules.back(), packs_read);
        // The waivers are checked against the rules before any is evaluated, as check does.
        service_waivers.push_back(rules::read_waivers(file, service_rules.back(), options.waivers, packs_read));
      }
      diagnostics.merge(packs_read);
    }
  }
  std::vector<std::string> paths;
  paths.reserve(outputs.size());
  for (const auto& [format, path] : outputs) {
    paths.push_back(path);
  }
  std::vector<RunInput> inputs{{options.a, "service file"}, {options.b, "service file"}};
  if (loaded) {
    for (const auto& [path, id] : loaded->pack_by_path) {
      inputs.push_back({path, "rule pack"});
    }
  }
  refuse_unsafe_outputs(paths, inputs, diagnostics);
  diagnostics.print(err);
  if (diagnostics.has_errors() || services.size() != 2) {
    return ExitCode::bad_input;
  }

  // Era disagreements and stale waivers are warnings, as in check.
  std::vector<report::AuditedService> audited;
  Diagnostics eras;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& file = services[i];
    report::AuditedService service;
    service.profile = profiles[i];
    service.era_notes = rules::era_mismatches(file, service.profile, loaded->catalog, *as_of);
    for (const auto& note : service.era_notes) {
      eras.add(Severity::warning, note.where, note.message);
    }
    const auto& rules = service_rules[i];
    service.audit = rules::audit_service(file, rules, *as_of);
    if (options.waivers.apply) {
      service.stale_waivers = rules::apply_waivers(service.audit.findings, service_waivers[i], *as_of);
      for (const auto& stale : service.stale_waivers) {
        eras.add(Severity::warning, stale.where, rules::stale_waiver_message(stale));
      }
    }
    service.era_conflicts = rules::era_conflicts(file);
    service.readings = rules::other_readings(file, rules, *as_of, service.audit);
    audited.push_back(std::move(service));
  }
  eras.print(err);
  report::Comparison comparison = report::compare(audited[0], audited[1]);
  comparison.statutory_waivers_allowed = options.waivers.allow_statutory && options.waivers.apply;

  // Files first, each whole or not at all; then standard output.
  Diagnostics writing;
  for (const auto& [format, path] : outputs) {
    write_file_atomically(path, format->render(comparison), writing);
  }
  writing.print(err);
  if (writing.has_errors()) {
    return ExitCode::bad_input;
  }
  if (outputs.empty() || !options.format.empty()) {
    const auto* format = report::find_compare_format(options.format.empty() ? "text" : options.format);
    out << format->render(comparison);
  }
  return ExitCode::ok;
}

}  // namespace ppsaudit
