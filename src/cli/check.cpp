// `ppsaudit check SERVICE...`: the audit itself.
#include "cli/check.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

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

unsigned worker_count(int jobs, std::size_t tasks) {
  unsigned wanted = jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, tasks)));
}

bool Turnstile::in_turn(std::size_t index, const std::function<void()>& work) {
  std::unique_lock lock(m_mutex);
  m_turn_changed.wait(lock, [&] { return m_next == index || m_abandoned; });
  if (m_abandoned) {
    return false;
  }
  // The next index's turn comes even when this one's work throws.
  struct Pass {
    Turnstile& turns;
    ~Pass() {
      ++turns.m_next;
      turns.m_turn_changed.notify_all();
    }
  } pass{*this};
  work();
  return true;
}

void Turnstile::abandon() {
  const std::lock_guard lock(m_mutex);
  m_abandoned = true;
  m_turn_changed.notify_all();
}

void for_each_index(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work) {
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      work(i);
    }
    return;
  }
  // Each worker takes the next index until none is left. The first exception (out of memory)
  // stops the handing out, and is thrown here once every worker has stopped, as it would have
  // been on one thread.
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  {
    std::vector<std::jthread> workers;
    workers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([&] {
        try {
          for (std::size_t i = next++; i < count; i = next++) {
            work(i);
          }
        } catch (...) {
          next = count;
          const std::lock_guard lock(failure_mutex);
          if (!failure) {
            failure = std::current_exception();
          }
        }
      });
    }
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
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
  // reported with its errors, and every other service is still audited. Files are read and
  // audited on a pool of threads, each in a slot of its own. What touches the shared catalog
  // (loading a service's local packs, choosing its rules) is done in turn, in the order of the
  // files, as one thread would do it; so the report, in that order too, is the same whatever the
  // number of threads. Once audited, a service keeps only what the report shows of it.
  struct Slot {
    std::unique_ptr<service::ServiceFile> file;  // what the audit points into: its address never moves
    Diagnostics diagnostics;
    report::AuditedService audited;
  };
  std::vector<Slot> slots(files.size());
  const auto usable = [](const Slot& slot) { return slot.file != nullptr && !slot.diagnostics.has_errors(); };
  Turnstile turns;
  const auto audit_file = [&](std::size_t i) {
    Slot& slot = slots[i];
    if (auto file = service::load_service(files[i], slot.diagnostics)) {
      slot.file = std::make_unique<service::ServiceFile>(std::move(*file));
    }
    std::vector<const rules::Rule*> rules;
    const bool had_turn = turns.in_turn(i, [&] {
      if (!slot.file) {
        return;
      }
      const service::ServiceFile& file = *slot.file;
      const auto packs = local_packs_of(file, *loaded, slot.diagnostics);
      // Where the profile, the audit date and the service's framework disagree: a warning
      // that every report repeats, or with --era strict an input error.
      auto& audited = slot.audited;
      audited.profile = chosen != nullptr
                            ? chosen
                            : rules::profile_for_framework(*file.root.find("service")->find("framework")->as_text());
      audited.era_notes = rules::era_mismatches(file, audited.profile, loaded->catalog, *as_of);
      for (const auto& note : audited.era_notes) {
        slot.diagnostics.add(options.era == EraMode::strict ? Severity::error : Severity::warning, note.where,
                             note.message);
      }
      rules = loaded->catalog.rules_for(audited.profile, packs);
    });
    if (!had_turn || !usable(slot)) {
      slot.file.reset();
      return;
    }
    const service::ServiceFile& service = *slot.file;
    auto& audited = slot.audited;
    audited.audit = rules::audit_service(service, rules, *as_of);
    audited.upcoming = rules::upcoming_deadlines(service, rules, *as_of, options.due_within_days);
    audited.era_conflicts = rules::era_conflicts(service);
    audited.readings = rules::other_readings(service, rules, *as_of, audited.audit);
    slot.file->keep_only_identity();
  };
  for_each_index(files.size(), worker_count(options.jobs, files.size()), [&](std::size_t i) {
    try {
      audit_file(i);
    } catch (...) {
      turns.abandon();  // so that no other file waits for ever for this one's turn
      throw;
    }
  });
  report::Report report;
  report.due_within_days = options.due_within_days;
  std::vector<std::unique_ptr<service::ServiceFile>> services;  // kept while the report points into them
  for (std::size_t i = 0; i < files.size(); ++i) {
    Slot& slot = slots[i];
    slot.diagnostics.print(err);
    if (!usable(slot)) {
      report.broken.push_back({files[i], slot.diagnostics.all()});
      continue;
    }
    report.services.push_back(std::move(slot.audited));
    services.push_back(std::move(slot.file));
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
