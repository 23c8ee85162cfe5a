// `ppsaudit due SERVICE...`: the obligations calendar.
#include "cli/due.hpp"

#include <algorithm>
#include <ostream>

#include "cli/output_file.hpp"
#include "cli/output_paths.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/service_files.hpp"
#include "rules/attestations.hpp"
#include "rules/deadlines.hpp"
#include "rules/waiver.hpp"
#include "service/loader.hpp"

namespace ppsaudit {

namespace {

// The obligations of one service that the list shows: every overdue one, and those due no
// later than `within` days after the audit date (all of them without --within).
std::vector<rules::Deadline> listed_obligations(const service::ServiceFile& file,
                                                const std::vector<const rules::Rule*>& rules, Date as_of,
                                                std::optional<int> within) {
  auto items = rules::dated_obligations(file, rules, as_of);
  if (within) {
    const Date last = as_of.add_days(*within);
    std::erase_if(items, [&](const rules::Deadline& item) { return !item.overdue && last < item.due; });
  }
  return items;
}

}  // namespace

ExitCode run_due(const DueOptions& options, std::ostream& out, std::ostream& err) {
  // Read every input before writing anything, so that all input errors are reported together,
  // and a calendar is written whole or not at all: a partial one would drop events on import.
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  const auto files = service_files(options.files, diagnostics);
  auto loaded = load_rules_for_audit({}, nullptr, diagnostics);
  if (!options.output.empty()) {
    std::vector<RunInput> inputs;
    inputs.reserve(files.size());
    for (const auto& file : files) {
      inputs.push_back({file, "service file"});
    }
    refuse_unsafe_outputs({options.output}, inputs, diagnostics);
  }
  if (diagnostics.has_errors() || !as_of || !loaded) {
    diagnostics.print(err);
    return ExitCode::bad_input;
  }

  report::DueList list{*as_of, options.within_days, {}};
  for (const auto& path : files) {
    Diagnostics found;
    auto file = service::load_service(path, found);
    if (file && !found.has_errors()) {
      // Attestations fall due by the rules the service is audited with, as `check` chooses them.
      const auto packs = local_packs_of(*file, *loaded, found);
      const rules::Profile* profile =
          rules::profile_for_framework(*file->root.find("service")->find("framework")->as_text());
      const auto rules = loaded->catalog.rules_for(profile, packs);
      // Attestations and waivers must name those rules (with a did-you-mean), as in check: a
      // misspelt id would put a reminder in the calendar for nothing. How long a waiver may run
      // and whether a legal duty may be waived are check's questions, so not asked here.
      rules::check_attestations(*file, rules, found);
      (void)rules::read_waivers(*file, rules, rules::WaiverPolicy{rules::k_longest_waiver_days, true, true}, found);
      if (!found.has_errors()) {
        list.services.push_back(
            {file->id(), file->name(), path, listed_obligations(*file, rules, *as_of, options.within_days)});
      }
    }
    diagnostics.merge(found);
  }
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }

  const std::string text = report::render_due(list, options.format);
  if (options.output.empty()) {
    out << text;
  } else {
    Diagnostics writing;
    write_file_atomically(options.output, text, writing);
    writing.print(err);
    if (writing.has_errors()) {
      return ExitCode::bad_input;
    }
  }
  const bool overdue = std::any_of(list.services.begin(), list.services.end(), [](const auto& service) {
    return std::any_of(service.items.begin(), service.items.end(), [](const auto& item) { return item.overdue; });
  });
  return options.fail_on_overdue && overdue ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
