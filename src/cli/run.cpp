#include "cli/run.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <ostream>
#include <string_view>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/build_info.hpp"
#include "cli/check.hpp"
#include "cli/choice_table.hpp"
#include "cli/commands.hpp"
#include "cli/compare.hpp"
#include "cli/completion.hpp"
#include "cli/config.hpp"
#include "cli/due.hpp"
#include "cli/exit_code.hpp"
#include "cli/init.hpp"
#include "cli/quiet.hpp"
#include "cli/rule_inputs.hpp"
#include "cli/starter.hpp"
#include "diag/diagnostics.hpp"
#include "report/compare.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit {

namespace {

// What the command line asked for, filled in by CLI11 and acted on once parse() returns.
struct CommandLine {
  std::function<ExitCode(std::ostream& out, std::ostream& err)> action;
  InitOptions init;
  ValidateOptions validate;
  CheckOptions check;
  ConfigChoice config;
  CompareOptions compare;
  DueOptions due;
  int due_within = 0;  // --within, when given
  std::string due_format = "text";
  RulesEvalOptions rules_eval;
  RulesListOptions rules_list;
  std::string rules_list_format = "text";
  RulesExplainOptions rules_explain;
  RulesPathsOptions rules_paths;
  SchemaOptions schema;
  std::string fail_on = "should";
  std::string color = "auto";
  std::string era = "warn";
  std::string format;
  std::vector<std::string> outputs;
  bool quiet = false;
  bool no_waivers = false;
  std::string shell;
  // The formats that each --output (FORMAT=PATH) takes, for completion: CLI11 does not check
  // them (the command does, with its own message), so they are not in the option's type name.
  std::vector<std::pair<const CLI::Option*, std::vector<std::string>>> output_formats;
};

// --quiet: nothing on standard output, only errors on standard error; the exit status and any
// --output files are as without it.
void add_quiet_flag(CLI::App& command, bool& quiet) {
  command.add_flag("-q,--quiet", quiet, "Print nothing but errors; the exit status says the rest");
}

// The words of a table of choices, as CLI11 checks them.
template <typename Choice>
std::vector<std::string> cli_words(const std::vector<std::pair<std::string_view, Choice>>& table) {
  const auto words = words_of(table);
  return {words.begin(), words.end()};
}

std::string listed(const std::vector<std::string>& words) {
  return fmt::format("{}", fmt::join(words, ", "));
}

// --rules PACK, one path a time and repeatable, as every command that reads packs takes it.
void add_rules_option(CLI::App& command, std::vector<std::string>& paths) {
  command.add_option("--rules", paths, "Add a rule pack (a file, or a folder of *.yaml); repeatable")
      ->type_name("PATH")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
}

// --output FORMAT=PATH, one a time and repeatable, with the formats it takes.
void add_output_option(CLI::App& command, CommandLine& line, std::vector<std::string>& outputs,
                       std::vector<std::string> formats, const std::string& description) {
  auto* output = command.add_option("--output", outputs, description)
                     ->type_name("FORMAT=PATH")
                     ->expected(1)
                     ->allow_extra_args(false)
                     ->take_all();
  line.output_formats.emplace_back(output, std::move(formats));
}

// --profile NAME, `description` saying where the names go ("{}").
void add_profile_option(CLI::App& command, std::string& profile, std::string_view description) {
  command.add_option("--profile", profile, fmt::format(fmt::runtime(description), listed(profile_names())))
      ->transform(CLI::IsMember(profile_names(), CLI::ignore_case));
}

// "--output json=audit.json": the format and the path, or an error on bad input.
bool parse_outputs(const std::vector<std::string>& specs, CheckOptions& options, std::ostream& err) {
  for (const auto& spec : specs) {
    const auto equals = spec.find('=');
    const auto* format = equals == std::string::npos ? nullptr : report::find_format(spec.substr(0, equals));
    if (format == nullptr || equals + 1 >= spec.size()) {
      err << format_diagnostic({Severity::error,
                                {},
                                fmt::format("--output '{}': write it as FORMAT=PATH, with FORMAT one of {}", spec,
                                            listed(report::format_names()))})
          << '\n';
      return false;
    }
    options.outputs.emplace_back(format, spec.substr(equals + 1));
  }
  return true;
}

void add_init(CLI::App& app, CommandLine& line) {
  auto* init = app.add_subcommand("init", "Write a commented starter service file to fill in");
  init->add_option("file", line.init.file, "Write it to this file (default: standard output)")->type_name("FILE");
  init->add_option("--framework", line.init.framework,
                   fmt::format("The Code of Practice the service works under: {} (default: send_cop_2015, the "
                               "current one)",
                               listed(cli_words(starter_framework_words()))))
      ->transform(CLI::IsMember(cli_words(starter_framework_words()), CLI::ignore_case));
  init->add_flag("--force", line.init.force, "Replace FILE if it exists (default: refuse, exit 2)");
  init->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_init(line.init, out, err); };
  });
}

void add_validate(CLI::App& app, CommandLine& line) {
  auto* validate = app.add_subcommand("validate", "Check service description files for errors");
  validate->add_option("files", line.validate.files, "Service description files (YAML)")->type_name("FILE")->required();
  add_quiet_flag(*validate, line.quiet);
  validate->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_quietly(line.quiet, out, err,
                         [&line](std::ostream& o, std::ostream& e) { return run_validate(line.validate, o, e); });
    };
  });
}

// check, once CLI11 has filled in `line`: the configuration file, then the run.
ExitCode run_check_command(CommandLine& line, const CLI::App& check, std::ostream& out, std::ostream& err) {
  CheckOptions& options = line.check;
  options.era = choice_of(era_words(), line.era);
  options.fail_on = choice_of(fail_on_words(), line.fail_on);
  options.color = choice_of(color_words(), line.color);
  options.format_given = !line.format.empty();
  options.format = report::find_format(line.format.empty() ? "text" : line.format);
  options.waivers.apply = !line.no_waivers;
  if (!parse_outputs(line.outputs, options, err)) {
    return ExitCode::bad_input;
  }
  // The command line overrides the configuration file, option by option.
  GivenOptions given{check.count("--profile") > 0, check.count("--as-of") > 0,      check.count("--fail-on") > 0,
                     check.count("--era") > 0,     check.count("--due-within") > 0, check.count("--baseline") > 0};
  given.max_waiver_days = check.count("--max-waiver-days") > 0;
  Diagnostics diagnostics;
  const bool configured = apply_config(line.config, given, options, diagnostics);
  diagnostics.print(err);
  if (!configured) {
    return ExitCode::bad_input;
  }
  // Only --output on the command line keeps the report off standard output, and --quiet.
  options.format_given = (options.format_given || line.outputs.empty()) && !line.quiet;
  return run_check(options, out, err);
}

// --max-waiver-days, --allow-statutory-waivers and --no-waivers: how check and compare treat
// the services' waivers.
void add_waiver_options(CLI::App& command, rules::WaiverPolicy& policy, bool& no_waivers) {
  command
      .add_option("--max-waiver-days", policy.max_days,
                  "Refuse a service's waiver that runs longer than this many days from granted to expires "
                  "(default: one year, to the anniversary of the day it was granted)")
      ->check(CLI::Range(1, rules::k_longest_waiver_days));
  command.add_flag("--allow-statutory-waivers", policy.allow_statutory,
                   "Let a service waive a legal duty (must, must have regard); every report then says so at its top");
  command.add_flag("--no-waivers", no_waivers,
                   "Apply no waiver: show raw compliance (waivers are still checked for form)");
}

void add_check(CLI::App& app, CommandLine& line) {
  auto* check = app.add_subcommand("check", "Audit services against their codes of practice and print a report");
  check->add_option("files", line.check.files, "Service files (YAML), or folders of them (a register)")
      ->type_name("PATH")
      ->required();
  add_profile_option(*check, line.check.profile, "Rule profile: {} (default: from each service's framework)");
  add_rules_option(*check, line.check.rules);
  check->add_option("--as-of", line.check.as_of, "Audit date YYYY-MM-DD (default: today, UTC)");
  check
      ->add_option("--fail-on", line.fail_on,
                   fmt::format("Exit 1 when a rule at or above this strength is not met: {} (default: should; new: "
                               "as should, but only what is new since --baseline)",
                               listed(cli_words(fail_on_words()))))
      ->transform(CLI::IsMember(cli_words(fail_on_words()), CLI::ignore_case));
  check
      ->add_option("--color", line.color,
                   fmt::format("Colour the report: {} (default auto: a terminal without NO_COLOR)",
                               listed(cli_words(color_words()))))
      ->transform(CLI::IsMember(cli_words(color_words()), CLI::ignore_case));
  check
      ->add_option("--format", line.format,
                   fmt::format("Report format on standard output: {} (default: text)", listed(report::format_names())))
      ->check(CLI::IsMember(report::format_names()));
  add_output_option(*check, line, line.outputs, report::format_names(),
                    "Also write a report to a file, as FORMAT=PATH (e.g. json=audit.json); repeatable");
  check
      ->add_option("--due-within", line.check.due_within_days,
                   "List what falls due from the audit date to this many days after it (default: 60)")
      ->check(CLI::Range(0, 3660));
  check
      ->add_option("--era", line.era,
                   fmt::format("When the profile, the audit date and a service's framework disagree: {} (default "
                               "warn: say so and audit; strict: an input error)",
                               listed(cli_words(era_words()))))
      ->transform(CLI::IsMember(cli_words(era_words()), CLI::ignore_case));
  check
      ->add_option("--jobs", line.check.jobs,
                   "Read and audit service files on this many threads (default 0: one per core); the report is the "
                   "same whatever the number")
      ->check(CLI::Range(0, 1024));
  add_waiver_options(*check, line.check.waivers, line.no_waivers);
  check->add_flag("--generated-at", line.check.generated_at,
                  "Say in the HTML report when it was made, in UTC (SOURCE_DATE_EPOCH when set); without it, the "
                  "same input and audit date give the same bytes");
  check
      ->add_option("--baseline", line.check.baseline,
                   "Mark each result new, unchanged, fixed or absent against this JSON report of an earlier run")
      ->type_name("FILE");
  auto* config = check
                     ->add_option("--config", line.config.path,
                                  "Read the settings from this configuration file (default: the nearest ppsaudit.yaml "
                                  "in the current folder or above it)")
                     ->type_name("FILE");
  check->add_flag("--no-config", line.config.none, "Read no configuration file")->excludes(config);
  add_quiet_flag(*check, line.quiet);
  check->callback([&line, check] {
    line.action = [&line, check](std::ostream& out, std::ostream& err) {
      return run_quietly(line.quiet, out, err, [&line, check](std::ostream& o, std::ostream& e) {
        return run_check_command(line, *check, o, e);
      });
    };
  });
}

void add_compare(CLI::App& app, CommandLine& line) {
  auto* compare = app.add_subcommand("compare", "Audit two services and print their results side by side");
  compare->add_option("a", line.compare.a, "The first service file (A)")->type_name("FILE")->required();
  compare->add_option("b", line.compare.b, "The second service file (B)")->type_name("FILE")->required();
  add_profile_option(*compare, line.compare.profile,
                     "Rule profile for both: {} (default: from each service's framework)");
  compare->add_option("--as-of", line.compare.as_of, "Audit date YYYY-MM-DD (default: today, UTC)");
  compare
      ->add_option("--format", line.compare.format,
                   fmt::format("Comparison format on standard output: {} (default: text)",
                               listed(report::compare_format_names())))
      ->check(CLI::IsMember(report::compare_format_names()));
  add_output_option(*compare, line, line.compare.outputs, report::compare_format_names(),
                    "Also write the comparison to a file, as FORMAT=PATH (e.g. json=compare.json); repeatable");
  add_waiver_options(*compare, line.compare.waivers, line.no_waivers);
  add_quiet_flag(*compare, line.quiet);
  compare->callback([&line] {
    line.compare.waivers.apply = !line.no_waivers;
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_quietly(line.quiet, out, err,
                         [&line](std::ostream& o, std::ostream& e) { return run_compare(line.compare, o, e); });
    };
  });
}

void add_due(CLI::App& app, CommandLine& line) {
  auto* due =
      app.add_subcommand("due", "List every dated obligation of services, overdue first, as text, JSON or a calendar");
  due->add_option("files", line.due.files, "Service files (YAML), or folders of them (a register)")
      ->type_name("PATH")
      ->required();
  due->add_option("--as-of", line.due.as_of, "Audit date YYYY-MM-DD (default: today, UTC)");
  due->add_option("--within", line.due_within,
                  "List only what falls due from the audit date to this many days after it, and what is overdue "
                  "(default: everything)")
      ->check(CLI::Range(0, 3660));
  due->add_option("--format", line.due_format,
                  fmt::format("Format: {} (default: text; ics: an iCalendar file to import)",
                              listed(cli_words(report::due_format_words()))))
      ->transform(CLI::IsMember(cli_words(report::due_format_words()), CLI::ignore_case));
  due->add_option("--output", line.due.output, "Write to this file (whole or not at all) instead of standard output")
      ->type_name("FILE");
  due->add_flag("--fail-on-overdue", line.due.fail_on_overdue, "Exit 1 when anything is overdue (default: exit 0)");
  add_quiet_flag(*due, line.quiet);
  due->callback([&line, due] {
    line.action = [&line, due](std::ostream& out, std::ostream& err) {
      if (due->count("--within") > 0) {
        line.due.within_days = line.due_within;
      }
      line.due.format = choice_of(report::due_format_words(), line.due_format);
      return run_quietly(line.quiet, out, err,
                         [&line](std::ostream& o, std::ostream& e) { return run_due(line.due, o, e); });
    };
  });
}

void add_rules(CLI::App& app, CommandLine& line) {
  auto* rules = app.add_subcommand("rules", "Work with rule packs and rule expressions (CEL)");
  rules->require_subcommand(1);

  auto* eval = rules->add_subcommand("eval", "Type-check and evaluate one expression, print its value");
  eval->add_option("expression", line.rules_eval.expression, "The expression (CEL)")->required();
  eval->add_option("--as-of", line.rules_eval.as_of, "Audit date YYYY-MM-DD, bound to 'as_of' (default: today)");
  eval->add_option("--service", line.rules_eval.service, "A service file whose data the expression reads")
      ->type_name("FILE");
  eval->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_rules_eval(line.rules_eval, out, err); };
  });

  auto* list = rules->add_subcommand("list", "List the rules, one per line");
  add_profile_option(*list, line.rules_list.profile, "Only the rules of this profile: {}");
  add_rules_option(*list, line.rules_list.rules);
  list->add_option("--format", line.rules_list_format, "text: one line per rule; json: packs and rules, for scripts")
      ->check(CLI::IsMember({"text", "json"}));
  list->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      line.rules_list.json = line.rules_list_format == "json";
      return run_rules_list(line.rules_list, out, err);
    };
  });

  auto* explain = rules->add_subcommand("explain", "Show everything about one rule");
  explain->add_option("id", line.rules_explain.id, "The rule id, e.g. nppn-impartiality/policy")
      ->type_name("RULE-ID")
      ->required();
  add_rules_option(*explain, line.rules_explain.rules);
  explain->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_rules_explain(line.rules_explain, out, err);
    };
  });

  auto* lint = rules->add_subcommand("lint", "Check rule packs: format, expressions, fixtures, citations");
  lint->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)")
      ->type_name("PATH");
  add_quiet_flag(*lint, line.quiet);
  lint->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_quietly(line.quiet, out, err,
                         [&line](std::ostream& o, std::ostream& e) { return run_rules_lint(line.rules_paths, o, e); });
    };
  });

  auto* test = rules->add_subcommand("test", "Run every fixture of rule packs and compare results");
  test->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)")
      ->type_name("PATH");
  add_quiet_flag(*test, line.quiet);
  test->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_quietly(line.quiet, out, err,
                         [&line](std::ostream& o, std::ostream& e) { return run_rules_test(line.rules_paths, o, e); });
    };
  });
}

// `ppsaudit schema FORMAT`: the JSON Schema of an input or a report, for editors and CI.
void add_schema(CLI::App& app, CommandLine& line) {
  auto* schema = app.add_subcommand("schema", "Print the JSON Schema of a file format, for editors and CI");
  schema->add_option("format", line.schema.format, "The format: " + listed(cli_words(schema_words())))
      ->required()
      ->check(CLI::IsMember(cli_words(schema_words())));
  schema->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_schema(line.schema, out, err); };
  });
}

// The commands a user sees under `command`: all but hidden ones (CLI11 hides a command without a group).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& command) {
  std::vector<const CLI::App*> visible;
  for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_group().empty()) {
      visible.push_back(sub);
    }
  }
  return visible;
}

// What the value of `option` completes to: its fixed words where CLI11 checks them against a set
// (which it shows in the type name as ":{a,b}"), else what the type name says it is.
CompletedValue completed_value(const CLI::Option& option, const CommandLine& line) {
  if (option.get_items_expected_max() == 0) {
    return {};
  }
  const auto type = option.get_type_name();
  const auto open = type.find(":{");
  if (open != std::string::npos) {
    CompletedValue value{ValueKind::words, {}};
    const auto close = type.find('}', open);
    auto set = std::string_view(type).substr(open + 2, close == std::string::npos ? close : close - open - 2);
    while (!set.empty()) {
      const auto comma = std::min(set.find(','), set.size());
      value.words.emplace_back(set.substr(0, comma));
      set.remove_prefix(std::min(comma + 1, set.size()));
    }
    return value;
  }
  const auto base = type.substr(0, type.find(':'));
  if (base == "FILE" || base == "PATH") {
    return {ValueKind::path, {}};
  }
  if (base == "RULE-ID") {
    return {ValueKind::rule_id, {}};
  }
  for (const auto& [output, formats] : line.output_formats) {
    if (output == &option) {
      return {ValueKind::format_path, formats};
    }
  }
  return {ValueKind::text, {}};
}

// `command` and the visible commands under it, as the completion scripts need them.
CompletedCommand completed_command(const CLI::App& command, const CommandLine& line) {
  CompletedCommand completed{command.get_name(), {}, {}, {}};
  for (const CLI::Option* option : command.get_options()) {
    if (option->nonpositional()) {
      CompletedOption named{{}, completed_value(*option, line)};
      for (const auto& name : option->get_snames()) {
        named.names.push_back("-" + name);
      }
      for (const auto& name : option->get_lnames()) {
        named.names.push_back("--" + name);
      }
      completed.options.push_back(std::move(named));
    } else if (completed.operands.kind == ValueKind::none) {
      completed.operands = completed_value(*option, line);
    }
  }
  for (const CLI::App* sub : visible_subcommands(command)) {
    completed.commands.push_back(completed_command(*sub, line));
  }
  return completed;
}

// "help COMMAND...": the same commands, with nothing but their names.
CompletedCommand names_only(const CompletedCommand& command) {
  CompletedCommand names{command.name, {}, {}, {}};
  for (const auto& sub : command.commands) {
    names.commands.push_back(names_only(sub));
  }
  return names;
}

// The whole command line as the completion scripts need it, with the words that answer_words
// reads before CLI11 does ("help", "version").
CompletedCommand completion_tree(const CLI::App& app, const CommandLine& line) {
  auto root = completed_command(app, line);
  root.name.clear();
  auto help = names_only(root);
  help.name = "help";
  root.commands.push_back(std::move(help));
  root.commands.push_back({"version", {}, {}, {}});
  return root;
}

// `ppsaudit completion bash|zsh`, hidden: prints the shell's completion script, which the
// build installs (and a user can source).
void add_completion(CLI::App& app, CommandLine& line) {
  auto* completion = app.add_subcommand("completion", "Print the shell completion script for bash or zsh");
  completion->group("");
  completion->add_option("shell", line.shell, "The shell: bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
  completion->callback([&line, &app] {
    line.action = [&line, &app](std::ostream& out, std::ostream&) {
      const auto tree = completion_tree(app, line);
      out << (line.shell == "zsh" ? zsh_completion(tree) : bash_completion(tree));
      return ExitCode::ok;
    };
  });
}

// The command that the leading words of `args` name ("check", "rules eval"), and how many words
// that took; or, when a word names no command where one is expected, that word.
struct CommandWords {
  CLI::App* command = nullptr;
  std::size_t words = 0;
  std::optional<std::string> unknown;
};

CommandWords command_words(CLI::App& app, const std::vector<std::string>& args, std::size_t first = 0) {
  CommandWords found{&app, 0, std::nullopt};
  for (std::size_t i = first; i < args.size() && !args[i].starts_with('-'); ++i) {
    const auto subcommands = found.command->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) {
      break;
    }
    const auto named = std::find_if(subcommands.begin(), subcommands.end(),
                                    [&](const CLI::App* sub) { return sub->get_name() == args[i]; });
    if (named == subcommands.end()) {
      found.unknown = args[i];
      break;
    }
    found.command = *named;
    ++found.words;
  }
  return found;
}

// "check", "rules eval": the command as a user types it after "ppsaudit".
std::string command_name(const CLI::App* command) {
  std::vector<std::string> words;
  for (const CLI::App* at = command; at != nullptr && at->get_parent() != nullptr; at = at->get_parent()) {
    words.insert(words.begin(), at->get_name());
  }
  return fmt::format("{}", fmt::join(words, " "));
}

std::vector<std::string> subcommand_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_subcommands(command)) {
    names.push_back(sub->get_name());
  }
  return names;
}

int usage_error(std::ostream& err, const std::string& message, const std::string& command) {
  err << format_diagnostic({Severity::error, {}, message}) << '\n';
  err << "ppsaudit: note: run 'ppsaudit help" << (command.empty() ? "" : " " + command) << "' for usage\n";
  return static_cast<int>(ExitCode::bad_input);
}

int unknown_command(std::ostream& err, const CLI::App& parent, const std::string& word) {
  const auto names = subcommand_names(parent);
  const auto parent_name = command_name(&parent);
  return usage_error(
      err,
      fmt::format("unknown {}command '{}'{}; the commands are {}", parent_name.empty() ? "" : parent_name + " ", word,
                  did_you_mean_suffix(closest_match(word, names)), listed(names)),
      parent_name);
}

// The words CLI11 does not know, answered before it parses: no command, a misspelt command,
// "help [COMMAND]", "version" and "-V". Nothing when CLI11 is to parse the words.
std::optional<int> answer_words(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                                std::ostream& err) {
  if (args.empty()) {
    return usage_error(err, fmt::format("name a command: {}", listed(subcommand_names(app))), "");
  }
  if (args[0] == "version" || args[0] == "-V") {
    out << version_text();
    return static_cast<int>(ExitCode::ok);
  }
  const bool help = args[0] == "help";
  const auto named = command_words(app, args, help ? 1 : 0);
  if (named.unknown) {
    return unknown_command(err, *named.command, *named.unknown);
  }
  if (help) {
    // CLI11 heads the usage with the words before the command's own name ("ppsaudit rules").
    const CLI::App* parent = named.command->get_parent();
    out << (parent == nullptr ? app.help()
                              : named.command->help(parent->get_parent() == nullptr
                                                        ? std::string("ppsaudit")
                                                        : fmt::format("ppsaudit {}", command_name(parent))));
    return static_cast<int>(ExitCode::ok);
  }
  return std::nullopt;
}

// The options of `command` that a word (its "=value" left off) does not name, in order.
std::vector<std::string> unknown_options(const CLI::App& command, const std::vector<std::string>& args,
                                         std::size_t first) {
  std::vector<std::string> known{"-h", "--help"};
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) {
      known.push_back("--" + name);
    }
    for (const auto& name : option->get_snames()) {
      known.push_back("-" + name);
    }
  }
  std::vector<std::string> unknown;
  for (std::size_t i = first; i < args.size() && args[i] != "--"; ++i) {
    const auto word = args[i].substr(0, args[i].find('='));
    if (word.size() > 1 && word.starts_with('-') && std::find(known.begin(), known.end(), word) == known.end()) {
      unknown.push_back(word);
    }
  }
  return unknown;
}

// A CLI11 parse error as ppsaudit says it: the command named, a misspelt option with its
// did-you-mean, a missing argument with the command's usage.
int parse_error(CLI::App& app, const std::vector<std::string>& args, const CLI::ParseError& error, std::ostream& err) {
  const auto named = command_words(app, args);
  const CLI::App& command = *named.command;
  const auto name = command_name(&command);
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    const auto unknown = unknown_options(command, args, named.words);
    if (!unknown.empty()) {
      std::vector<std::string> options;
      for (const CLI::Option* option : command.get_options()) {
        for (const auto& long_name : option->get_lnames()) {
          options.push_back("--" + long_name);
        }
      }
      for (std::size_t i = 0; i + 1 < unknown.size(); ++i) {
        err << format_diagnostic({Severity::error,
                                  {},
                                  fmt::format("{}: unknown option '{}'{}", name, unknown[i],
                                              did_you_mean_suffix(closest_match(unknown[i], options)))})
            << '\n';
      }
      return usage_error(err,
                         fmt::format("{}: unknown option '{}'{}", name, unknown.back(),
                                     did_you_mean_suffix(closest_match(unknown.back(), options))),
                         name);
    }
    return usage_error(err, fmt::format("{}: {}", name, what.substr(0, 1) == "T" ? "t" + what.substr(1) : what), name);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    static const std::vector<std::pair<std::string_view, std::string_view>> k_needs{
        {"validate", "at least one service file: ppsaudit validate FILE..."},
        {"check", "at least one service file or folder of them: ppsaudit check FILE|FOLDER..."},
        {"compare", "two service files: ppsaudit compare A.yaml B.yaml"},
        {"due", "at least one service file or folder of them: ppsaudit due FILE|FOLDER..."},
        {"rules eval", "an expression: ppsaudit rules eval EXPRESSION"},
        {"rules explain", "a rule id: ppsaudit rules explain ID"},
        {"schema", "a format: ppsaudit schema service|rules|report|compare|due"},
        {"completion", "a shell: ppsaudit completion bash|zsh"}};
    if (!command.get_subcommands([](const CLI::App*) { return true; }).empty()) {
      return usage_error(err, fmt::format("{} needs a command: {}", name, listed(subcommand_names(command))), name);
    }
    for (const auto& [command_words_of, needs] : k_needs) {
      if (name == command_words_of) {
        return usage_error(err, fmt::format("{} needs {}", name, needs), name);
      }
    }
  }
  return usage_error(err, name.empty() ? what : fmt::format("{}: {}", name, what), name);
}

}  // namespace

int run(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
  CLI::App app{"ppsaudit: audit a SEND information, advice and support service against its codes of practice",
               "ppsaudit"};
  app.set_version_flag("--version", [] { return version_text(); });
  app.require_subcommand(1);
  app.fallthrough(false);

  // Callbacks only record the choice: the work runs after parse() returns.
  CommandLine line;
  add_init(app, line);
  add_validate(app, line);
  add_check(app, line);
  add_compare(app, line);
  add_due(app, line);
  add_rules(app, line);
  add_schema(app, line);
  add_completion(app, line);

  if (const auto answered = answer_words(app, args, out, err)) {
    return *answered;
  }
  const auto words = args;
  try {
    std::reverse(args.begin(), args.end());  // CLI11 2.1 consumes the vector from the back.
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return static_cast<int>(ExitCode::ok);
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return static_cast<int>(ExitCode::ok);
  } catch (const CLI::CallForVersion& version) {
    out << version.what();
    return static_cast<int>(ExitCode::ok);
  } catch (const CLI::ParseError& error) {
    return parse_error(app, words, error, err);
  }

  try {
    return static_cast<int>(line.action ? line.action(out, err) : ExitCode::bad_input);
  } catch (const std::exception& error) {
    err << format_diagnostic({Severity::error, {}, std::string("internal error: ") + error.what()}) << '\n';
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace ppsaudit
