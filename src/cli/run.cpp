#include "cli/run.hpp"

#include <algorithm>
#include <functional>
#include <ostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/check.hpp"
#include "cli/choice_table.hpp"
#include "cli/commands.hpp"
#include "cli/compare.hpp"
#include "cli/config.hpp"
#include "cli/exit_code.hpp"
#include "cli/rule_inputs.hpp"
#include "diag/diagnostics.hpp"
#include "report/compare.hpp"

namespace ppsaudit {

namespace {

// What the command line asked for, filled in by CLI11 and acted on once parse() returns.
struct CommandLine {
  std::function<ExitCode(std::ostream& out, std::ostream& err)> action;
  ValidateOptions validate;
  CheckOptions check;
  ConfigChoice config;
  CompareOptions compare;
  RulesEvalOptions rules_eval;
  RulesListOptions rules_list;
  RulesExplainOptions rules_explain;
  RulesPathsOptions rules_paths;
  std::string fail_on = "should";
  std::string color = "auto";
  std::string era = "warn";
  std::string format;
  std::vector<std::string> outputs;
};

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
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
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

void add_validate(CLI::App& app, CommandLine& line) {
  auto* validate = app.add_subcommand("validate", "Check service description files for errors");
  validate->add_option("files", line.validate.files, "Service description files (YAML)")->required();
  validate->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_validate(line.validate, out, err); };
  });
}

void add_check(CLI::App& app, CommandLine& line) {
  auto* check = app.add_subcommand("check", "Audit services against their codes of practice and print a report");
  check->add_option("files", line.check.files, "Service files (YAML), or folders of them (a register)")->required();
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
  check
      ->add_option("--output", line.outputs,
                   "Also write a report to a file, as FORMAT=PATH (e.g. json=audit.json); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
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
  check->add_option("--baseline", line.check.baseline,
                    "Mark each result new, unchanged, fixed or absent against this JSON report of an earlier run");
  auto* config = check->add_option("--config", line.config.path,
                                   "Read the settings from this configuration file (default: the nearest ppsaudit.yaml "
                                   "in the current folder or above it)");
  check->add_flag("--no-config", line.config.none, "Read no configuration file")->excludes(config);
  check->callback([&line, check] {
    line.action = [&line, check](std::ostream& out, std::ostream& err) {
      CheckOptions& options = line.check;
      options.era = choice_of(era_words(), line.era);
      options.fail_on = choice_of(fail_on_words(), line.fail_on);
      options.color = choice_of(color_words(), line.color);
      options.format_given = !line.format.empty();
      options.format = report::find_format(line.format.empty() ? "text" : line.format);
      if (!parse_outputs(line.outputs, options, err)) {
        return ExitCode::bad_input;
      }
      // The command line overrides the configuration file, option by option.
      const GivenOptions given{check->count("--profile") > 0,    check->count("--as-of") > 0,
                               check->count("--fail-on") > 0,    check->count("--era") > 0,
                               check->count("--due-within") > 0, check->count("--baseline") > 0};
      Diagnostics diagnostics;
      const bool configured = apply_config(line.config, given, options, diagnostics);
      diagnostics.print(err);
      if (!configured) {
        return ExitCode::bad_input;
      }
      // Only --output on the command line keeps the report off standard output.
      options.format_given = options.format_given || line.outputs.empty();
      return run_check(options, out, err);
    };
  });
}

void add_compare(CLI::App& app, CommandLine& line) {
  auto* compare = app.add_subcommand("compare", "Audit two services and print their results side by side");
  compare->add_option("a", line.compare.a, "The first service file (A)")->required();
  compare->add_option("b", line.compare.b, "The second service file (B)")->required();
  add_profile_option(*compare, line.compare.profile,
                     "Rule profile for both: {} (default: from each service's framework)");
  compare->add_option("--as-of", line.compare.as_of, "Audit date YYYY-MM-DD (default: today, UTC)");
  compare
      ->add_option("--format", line.compare.format,
                   fmt::format("Comparison format on standard output: {} (default: text)",
                               listed(report::compare_format_names())))
      ->check(CLI::IsMember(report::compare_format_names()));
  compare
      ->add_option("--output", line.compare.outputs,
                   "Also write the comparison to a file, as FORMAT=PATH (e.g. json=compare.json); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  compare->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_compare(line.compare, out, err); };
  });
}

void add_rules(CLI::App& app, CommandLine& line) {
  auto* rules = app.add_subcommand("rules", "Work with rule packs and rule expressions (CEL)");
  rules->require_subcommand(1);

  auto* eval = rules->add_subcommand("eval", "Type-check and evaluate one expression, print its value");
  eval->add_option("expression", line.rules_eval.expression, "The expression (CEL)")->required();
  eval->add_option("--as-of", line.rules_eval.as_of, "Audit date YYYY-MM-DD, bound to 'as_of' (default: today)");
  eval->add_option("--service", line.rules_eval.service, "A service file whose data the expression reads");
  eval->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_rules_eval(line.rules_eval, out, err); };
  });

  auto* list = rules->add_subcommand("list", "List the rules, one per line");
  add_profile_option(*list, line.rules_list.profile, "Only the rules of this profile: {}");
  add_rules_option(*list, line.rules_list.rules);
  list->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_rules_list(line.rules_list, out, err); };
  });

  auto* explain = rules->add_subcommand("explain", "Show everything about one rule");
  explain->add_option("id", line.rules_explain.id, "The rule id, e.g. nppn-impartiality/policy")->required();
  add_rules_option(*explain, line.rules_explain.rules);
  explain->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) {
      return run_rules_explain(line.rules_explain, out, err);
    };
  });

  auto* lint = rules->add_subcommand("lint", "Check rule packs: format, expressions, fixtures, citations");
  lint->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)");
  lint->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_rules_lint(line.rules_paths, out, err); };
  });

  auto* test = rules->add_subcommand("test", "Run every fixture of rule packs and compare results");
  test->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)");
  test->callback([&line] {
    line.action = [&line](std::ostream& out, std::ostream& err) { return run_rules_test(line.rules_paths, out, err); };
  });
}

}  // namespace

int run(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
  CLI::App app{"ppsaudit: audit a SEND information, advice and support service against its codes of practice",
               "ppsaudit"};
  app.set_version_flag("--version", std::string("ppsaudit ") + PPSAUDIT_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  // Callbacks only record the choice: the work runs after parse() returns.
  CommandLine line;
  add_validate(app, line);
  add_check(app, line);
  add_compare(app, line);
  add_rules(app, line);

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
    out << version.what() << '\n';
    return static_cast<int>(ExitCode::ok);
  } catch (const CLI::ParseError& error) {
    err << format_diagnostic({Severity::error, {}, error.what()}) << '\n';
    err << "ppsaudit: note: run 'ppsaudit --help' for usage\n";
    return static_cast<int>(ExitCode::bad_input);
  }

  try {
    return static_cast<int>(line.action ? line.action(out, err) : ExitCode::bad_input);
  } catch (const std::exception& error) {
    err << format_diagnostic({Severity::error, {}, std::string("internal error: ") + error.what()}) << '\n';
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace ppsaudit
