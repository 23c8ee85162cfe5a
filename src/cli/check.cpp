// `ppsaudit check SERVICE...`: the audit itself.
#include "cli/check.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/output_file.hpp"
#include "cli/output_paths.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/service_files.hpp"
#include "report/baseline.hpp"
#include "report/element.hpp"
#include "rules/attestations.hpp"
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
  if (rules::is_waived(finding)) {
    return false;
  }
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

namespace {

struct CloseFile {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// One report the run writes: its format, its path (empty: standard output), what its sections
// are written with, and, for a register, the temporary file its sections go to.
struct Output {
  const report::Format* format = nullptr;
  std::string path;
  report::SectionContext context;
  std::unique_ptr<std::FILE, CloseFile> sections;
};

// The --output files, then standard output when it gets a report (only the text format on a
// terminal is coloured).
std::vector<Output> plan_outputs(const CheckOptions& options, bool several, const std::string& generated) {
  std::vector<Output> outputs;
  report::SectionContext context;
  context.several = several;
  context.due_within_days = options.due_within_days;
  context.generated_at = generated;
  context.statutory_waivers_allowed = options.waivers.allow_statutory && options.waivers.apply;
  for (const auto& [format, path] : options.outputs) {
    outputs.push_back({format, path, context, nullptr});
  }
  if (options.outputs.empty() || options.format_given) {
    const report::Format& format = options.format != nullptr ? *options.format : report::formats().front();
    context.color = format.name == "text" && use_color(options.color);
    context.width = format.name == "text" ? text_width() : context.width;
    outputs.push_back({&format, {}, context, nullptr});
  }
  return outputs;
}

// The format standard output gets (as plan_outputs decides), or nullptr when it gets no report.
const report::Format* stdout_format(const CheckOptions& options) {
  if (!options.outputs.empty() && !options.format_given) {
    return nullptr;
  }
  return options.format != nullptr ? options.format : &report::formats().front();
}

// A workbook (xlsx) is one service's self-assessment, and binary: refused for a run of more than
// one service file, and on a terminal.
void refuse_workbooks(const CheckOptions& options, std::size_t file_count, Diagnostics& diagnostics) {
  std::vector<const report::Format*> formats;
  for (const auto& [format, path] : options.outputs) {
    formats.push_back(format);
  }
  const report::Format* on_stdout = stdout_format(options);
  formats.push_back(on_stdout);
  const auto workbook = std::find_if(formats.begin(), formats.end(), [](const report::Format* format) {
    return format != nullptr && format->is_workbook();
  });
  if (workbook != formats.end() && file_count > 1) {
    diagnostics.error({},
                      "the {} workbook is one service's self-assessment, and this run has {} service files: write one "
                      "workbook per service",
                      (*workbook)->name, file_count);
  }
  if (on_stdout != nullptr && on_stdout->is_workbook() && stdout_is_terminal()) {
    diagnostics.error({},
                      "the {0} workbook is binary and standard output is a terminal: redirect it to a file, or use "
                      "--output {0}=PATH",
                      on_stdout->name);
  }
}

// Writes the workbook to a scratch file (libxlsxwriter writes only to a file name) and hands it
// to `take`, open for reading; false, with why in `diagnostics`, when it could not be written.
bool with_workbook(const report::Format& format, const report::Report& report, Diagnostics& diagnostics,
                   const std::function<void(std::FILE*)>& take) {
  const ScratchFile scratch;
  if (scratch.path().empty()) {
    diagnostics.error({}, "cannot make a temporary file in '{}' (TMPDIR) for the {} workbook: {}", temporary_folder(),
                      format.name, std::strerror(scratch.error()));
    return false;
  }
  const std::string failure = format.workbook(report, scratch.path(), temporary_folder());
  if (!failure.empty()) {
    diagnostics.error({}, "cannot write the {} workbook: {}", format.name, failure);
    return false;
  }
  const std::unique_ptr<std::FILE, CloseFile> file(std::fopen(scratch.path().c_str(), "rb"));
  if (!file) {
    diagnostics.error({}, "cannot read the {} workbook back from '{}': {}", format.name, scratch.path(),
                      std::strerror(errno));
    return false;
  }
  take(file.get());
  return true;
}

// The files the run reads, which no report may replace: the service files, the rule packs
// (--rules, and once the services are read their local packs), the baseline and the
// configuration file.
std::vector<RunInput> run_inputs(const CheckOptions& options, const std::vector<std::string>& files,
                                 const std::optional<LoadedRules>& loaded) {
  std::vector<RunInput> inputs;
  inputs.reserve(files.size() + (loaded ? loaded->pack_by_path.size() : options.rules.size()) + 2);
  for (const auto& file : files) {
    inputs.push_back({file, "service file"});
  }
  if (loaded) {
    for (const auto& [path, id] : loaded->pack_by_path) {
      inputs.push_back({path, "rule pack"});
    }
  } else {
    for (const auto& path : options.rules) {
      inputs.push_back({path, "rule pack"});
    }
  }
  if (!options.baseline.empty()) {
    inputs.push_back({options.baseline, "baseline"});
  }
  if (!options.config.empty()) {
    inputs.push_back({options.config, "configuration file"});
  }
  return inputs;
}

std::vector<std::string> output_paths(const CheckOptions& options) {
  std::vector<std::string> paths;
  paths.reserve(options.outputs.size());
  for (const auto& [format, path] : options.outputs) {
    paths.push_back(path);
  }
  return paths;
}

}  // namespace

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
  refuse_unsafe_outputs(output_paths(options), run_inputs(options, files, loaded), diagnostics);
  refuse_workbooks(options, files.size(), diagnostics);
  std::string generated;
  if (options.generated_at) {
    generated = generated_at(diagnostics).value_or("");
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
  // files, as one thread would do it; so is what adds a service to the report. So the report,
  // in that order too, is the same whatever the number of threads.
  //
  // A register (more than one file) is written a service at a time: each service's section of
  // every report is rendered as soon as it is audited and goes, in file order, to a temporary
  // file of its report; then the service is let go but for its roll-up row. Once every file is
  // done, each report is its frame's opening, its sections and its frame's closing. So memory
  // does not grow with the register. A report of one service is rendered whole at the end.
  const bool streamed = files.size() > 1;
  std::vector<Output> outputs = plan_outputs(options, streamed, generated);
  for (auto& output : outputs) {
    if (streamed) {
      output.sections.reset(anonymous_temporary_file());
      if (!output.sections) {
        Diagnostics temporary;
        temporary.error({}, "cannot make a temporary file in '{}' (TMPDIR) for the {} report: {}", temporary_folder(),
                        output.format->name, std::strerror(errno));
        temporary.print(err);
        return ExitCode::bad_input;
      }
    }
  }

  struct Slot {
    std::unique_ptr<service::ServiceFile> file;  // what the audit points into: its address never moves
    Diagnostics diagnostics;
    report::AuditedService audited;
    Diagnostics refusals;               // the baseline's refusal of the service's profile
    std::vector<std::string> sections;  // a register's: one per output, in the order of `outputs`
  };
  std::vector<Slot> slots(files.size());
  const auto usable = [](const Slot& slot) { return slot.file != nullptr && !slot.diagnostics.has_errors(); };
  std::optional<report::BaselineMatcher> matcher;
  if (baseline) {
    matcher.emplace(*baseline);
  }

  // What the report keeps of the run, added to in file order.
  report::Report report;  // a single service's report, rendered whole
  report.due_within_days = options.due_within_days;
  report.generated_at = generated;
  report.statutory_waivers_allowed = options.waivers.allow_statutory && options.waivers.apply;
  std::vector<std::unique_ptr<service::ServiceFile>> kept;  // what that report points into
  report::ReportFrame frame;                                // a register's
  frame.due_within_days = options.due_within_days;
  frame.generated_at = generated;
  frame.statutory_waivers_allowed = report.statutory_waivers_allowed;
  std::vector<report::BaselineEntry> new_entries;
  std::vector<report::BaselineEntry> fixed_entries;
  Diagnostics duplicates;  // services of this run that share an id, which a baseline cannot tell apart
  Diagnostics refusals;
  bool failed = false;
  bool written = true;
  std::size_t sections_written = 0;

  // In file order: the service joins the report.
  const auto add_to_report = [&](std::size_t i) {
    Slot& slot = slots[i];
    slot.diagnostics.print(err);
    if (!usable(slot)) {
      (streamed ? frame.broken : report.broken).push_back({files[i], slot.diagnostics.all()});
      slot = Slot{};
      return;
    }
    auto& audited = slot.audited;
    refusals.merge(slot.refusals);
    if (matcher) {
      matcher->add(audited, duplicates);
    }
    for (const auto& finding : audited.audit.findings) {
      const auto state = report::baseline_state(audited, finding);
      failed = failed || fails(finding, options.fail_on, state == report::BaselineState::new_result);
    }
    if (!streamed) {
      slot.file->keep_only_identity();
      report.services.push_back(std::move(audited));
      kept.push_back(std::move(slot.file));
      return;
    }
    frame.services.push_back(report::rollup_row(audited));
    frame.total += frame.services.back().counts;
    frame.waived += frame.services.back().waived;
    if (baseline) {
      for (auto&& [state, entries] : {std::pair{report::BaselineState::new_result, &new_entries},
                                      std::pair{report::BaselineState::fixed, &fixed_entries}}) {
        const auto more = report::baseline_entries(audited, state);
        entries->insert(entries->end(), more.begin(), more.end());
      }
    }
    if (slot.sections.size() != outputs.size()) {
      slot = Slot{};  // refused by the baseline: the run writes no report
      return;
    }
    for (std::size_t o = 0; o < outputs.size(); ++o) {
      const std::string_view separator = sections_written > 0 ? outputs[o].format->separator : std::string_view();
      const std::string& section = slot.sections[o];
      written =
          written && std::fwrite(separator.data(), 1, separator.size(), outputs[o].sections.get()) == separator.size();
      written = written && std::fwrite(section.data(), 1, section.size(), outputs[o].sections.get()) == section.size();
    }
    ++sections_written;
    slot = Slot{};  // the service is let go
  };

  // Only the HTML pack names each finding's element in words: no other report pays for it.
  const bool wants_elements =
      std::any_of(outputs.begin(), outputs.end(), [](const Output& output) { return output.format->name == "html"; });
  Turnstile catalog_turns;
  Turnstile report_turns;
  const auto audit_file = [&](std::size_t i) {
    Slot& slot = slots[i];
    if (auto file = service::load_service(files[i], slot.diagnostics)) {
      slot.file = std::make_unique<service::ServiceFile>(std::move(*file));
    }
    std::vector<const rules::Rule*> rules;
    const bool had_turn = catalog_turns.in_turn(i, [&] {
      if (!slot.file) {
        return;
      }
      const service::ServiceFile& file = *slot.file;
      const auto packs = local_packs_of(file, *loaded, slot.diagnostics);
      const bool packs_usable = !slot.diagnostics.has_errors();
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
      // Only now are the rules in use known, which the service's attestations must name.
      if (packs_usable) {
        rules::check_attestations(file, rules, slot.diagnostics);
      }
    });
    if (!had_turn) {
      return;
    }
    // The waivers are checked against the rules before any is evaluated.
    const auto waivers = usable(slot) ? rules::read_waivers(*slot.file, rules, options.waivers, slot.diagnostics)
                                      : std::vector<rules::Waiver>();
    if (usable(slot)) {
      const service::ServiceFile& service = *slot.file;
      auto& audited = slot.audited;
      audited.number = i + 1;
      audited.audit = rules::audit_service(service, rules, *as_of);
      if (options.waivers.apply) {
        audited.stale_waivers = rules::apply_waivers(audited.audit.findings, waivers, *as_of);
        for (const auto& stale : audited.stale_waivers) {
          slot.diagnostics.add(Severity::warning, stale.where, rules::stale_waiver_message(stale));
        }
      }
      audited.upcoming = rules::upcoming_deadlines(service, rules, *as_of, options.due_within_days);
      audited.era_conflicts = rules::era_conflicts(service);
      audited.readings = rules::other_readings(service, rules, *as_of, audited.audit);
      if (wants_elements) {
        audited.elements = report::elements_in_words(service, audited.audit);
      }
      const bool marked = !matcher || matcher->mark(audited, slot.refusals);
      if (streamed && marked) {
        for (const auto& output : outputs) {
          slot.sections.push_back(output.format->section(audited, output.context));
        }
      }
    }
    report_turns.in_turn(i, [&] { add_to_report(i); });
  };
  for_each_index(files.size(), worker_count(options.jobs, files.size()), [&](std::size_t i) {
    try {
      audit_file(i);
    } catch (...) {
      // so that no other file waits for ever for this one's turns
      catalog_turns.abandon();
      report_turns.abandon();
      throw;
    }
  });

  // A baseline that cannot be compared (a register whose services cannot be told apart, a
  // service it audited under another profile) is refused before any report is written.
  duplicates.merge(refusals);
  duplicates.print(err);
  if (duplicates.has_errors()) {
    return ExitCode::bad_input;
  }
  if (matcher) {
    auto comparison = std::move(*matcher).finish();
    if (streamed) {
      frame.baseline_entries = std::move(new_entries);
      frame.baseline_entries.insert(frame.baseline_entries.end(), fixed_entries.begin(), fixed_entries.end());
      const auto absent = report::absent_entries(comparison);
      frame.baseline_entries.insert(frame.baseline_entries.end(), absent.begin(), absent.end());
      frame.baseline = std::move(comparison);
    } else {
      report.baseline = std::move(comparison);
    }
  }

  // Files first, each whole or not at all; then standard output. None replaces a local pack
  // that a service named.
  Diagnostics writing;
  refuse_unsafe_outputs(output_paths(options), run_inputs(options, files, loaded), writing);
  const bool refused = writing.has_errors();  // then no report is written
  if (!written) {
    writing.error({}, "cannot write the reports' temporary files: {}", std::strerror(errno));
  }
  const auto whole = [&](const Output& output) {
    if (streamed) {
      // The only parts of the frame that differ by output.
      frame.color = output.context.color;
      frame.width = output.context.width;
      return output.format->frame(frame);
    }
    report.color = output.context.color;
    report.width = output.context.width;
    return report::FrameParts{output.format->render(report), {}};
  };
  for (const auto& output : outputs) {
    if (!written || refused || output.path.empty()) {
      continue;
    }
    if (output.format->is_workbook()) {
      AtomicFile file(output.path);
      if (with_workbook(*output.format, report, writing, [&file](std::FILE* from) { file.copy(from); })) {
        file.commit(writing);
      }
      continue;
    }
    const auto parts = whole(output);
    AtomicFile file(output.path);
    file.write(parts.before);
    if (streamed) {
      file.copy(output.sections.get());
    }
    file.write(parts.after);
    file.commit(writing);
  }
  writing.print(err);
  if (writing.has_errors()) {
    return ExitCode::bad_input;
  }
  for (const auto& output : outputs) {
    if (!output.path.empty()) {
      continue;
    }
    if (output.format->is_workbook()) {
      Diagnostics failure;
      with_workbook(*output.format, report, failure, [&](std::FILE* from) {
        const bool read = read_chunks(from, [&out](std::string_view chunk) {
          out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
          return true;
        });
        if (!read) {
          failure.error({}, "cannot read the {} workbook back: {}", output.format->name, std::strerror(errno));
        }
      });
      failure.print(err);
      if (failure.has_errors()) {
        return ExitCode::bad_input;
      }
      continue;
    }
    const auto parts = whole(output);
    out << parts.before;
    if (streamed) {
      read_chunks(output.sections.get(), [&out](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        return true;
      });
    }
    out << parts.after;
  }
  if (!(streamed ? frame.broken : report.broken).empty()) {
    return ExitCode::bad_input;
  }
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace ppsaudit
