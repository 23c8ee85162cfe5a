#include "cli/run.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "diag/diagnostics.hpp"
#include "exit_code.hpp"

namespace ppsaudit {

namespace {

enum class Command { none, validate, check, rules_eval, rules_list, rules_explain, rules_lint, rules_test };

struct CommandLine {
  Command command = Command::none;
  ValidateOptions validate;
  CheckOptions check;
  RulesEvalOptions rules_eval;
  RulesListOptions rules_list;
  RulesExplainOptions rules_explain;
  RulesPathsOptions rules_paths;
  std::string fail_on = "should";
  std::string color = "auto";
  std::string format;
  std::vector<std::string> outputs;
};

std::string format_list() {
  std::string list;
  for (const auto& name : report_format_names()) {
    list += (list.empty() ? "" : ", ") + name;
  }
  return list;
}

// "--output json=audit.json": the format and the path, or an error on bad input.
bool parse_outputs(const std::vector<std::string>& specs, CheckOptions& options, std::ostream& err) {
  for (const auto& spec : specs) {
    const auto equals = spec.find('=');
    const auto format = equals == std::string::npos ? std::nullopt : parse_report_format(spec.substr(0, equals));
    if (!format || equals + 1 >= spec.size()) {
      err << format_diagnostic({Severity::error, {},
                                fmt::format("--output '{}': write it as FORMAT=PATH, with FORMAT one of {}", spec,
                                            format_list())})
          << '\n';
      return false;
    }
    options.outputs.emplace_back(*format, spec.substr(equals + 1));
  }
  return true;
}

FailOn fail_on_from(const std::string& word) {
  return word == "must" ? FailOn::must : word == "any" ? FailOn::any : word == "none" ? FailOn::none : FailOn::should;
}

ColorMode color_from(const std::string& word) {
  return word == "always" ? ColorMode::always : word == "never" ? ColorMode::never : ColorMode::automatic;
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
  auto* validate = app.add_subcommand("validate", "Check service description files for errors");
  validate->add_option("files", line.validate.files, "Service description files (YAML)")->required();
  validate->callback([&line] { line.command = Command::validate; });

  auto* check = app.add_subcommand("check", "Audit services against their codes of practice and print a report");
  check->add_option("files", line.check.files, "Service description files (YAML)")->required();
  check->add_option("--profile", line.check.profile,
                    "Rule profile: pps or iass (default: from each service's framework)")
      ->transform(CLI::IsMember({"pps", "iass"}, CLI::ignore_case));
  check->add_option("--rules", line.check.rules, "Add a rule pack (a file, or a folder of *.yaml); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  check->add_option("--as-of", line.check.as_of, "Audit date YYYY-MM-DD (default: today, UTC)");
  check->add_option("--fail-on", line.fail_on, "Exit 1 when a rule at or above this strength is not met: must, should "
                                               "(default), any, none")
      ->transform(CLI::IsMember({"must", "should", "any", "none"}, CLI::ignore_case));
  check->add_option("--color", line.color, "Colour the report: auto (default: a terminal without NO_COLOR), always, never")
      ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case));
  check->add_option("--format", line.format, "Report format on standard output: " + format_list() + " (default: text)")
      ->check(CLI::IsMember(report_format_names()));
  check->add_option("--output", line.outputs,
                    "Also write a report to a file, as FORMAT=PATH (e.g. json=audit.json); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  check->add_option("--due-within", line.check.due_within_days,
                    "List what falls due within this many days after the audit date (default: 60)")
      ->check(CLI::Range(0, 3660));
  check->callback([&line] { line.command = Command::check; });

  auto* rules = app.add_subcommand("rules", "Work with rule packs and rule expressions (CEL)");
  rules->require_subcommand(1);
  auto* rules_eval = rules->add_subcommand("eval", "Type-check and evaluate one expression, print its value");
  rules_eval->add_option("expression", line.rules_eval.expression, "The expression (CEL)")->required();
  rules_eval->add_option("--as-of", line.rules_eval.as_of, "Audit date YYYY-MM-DD, bound to 'as_of' (default: today)");
  rules_eval->add_option("--service", line.rules_eval.service, "A service file whose data the expression reads");
  rules_eval->callback([&line] { line.command = Command::rules_eval; });

  auto* rules_list = rules->add_subcommand("list", "List the rules, one per line");
  rules_list->add_option("--profile", line.rules_list.profile, "Only the rules of this profile: pps or iass")
      ->transform(CLI::IsMember({"pps", "iass"}, CLI::ignore_case));
  rules_list->add_option("--rules", line.rules_list.rules, "Add a rule pack (a file or a folder); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  rules_list->callback([&line] { line.command = Command::rules_list; });

  auto* rules_explain = rules->add_subcommand("explain", "Show everything about one rule");
  rules_explain->add_option("id", line.rules_explain.id, "The rule id, e.g. nppn-impartiality/policy")->required();
  rules_explain->add_option("--rules", line.rules_explain.rules, "Add a rule pack (a file or a folder); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  rules_explain->callback([&line] { line.command = Command::rules_explain; });

  auto* rules_lint = rules->add_subcommand("lint", "Check rule packs: format, expressions, fixtures, citations");
  rules_lint->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)");
  rules_lint->callback([&line] { line.command = Command::rules_lint; });

  auto* rules_test = rules->add_subcommand("test", "Run every fixture of rule packs and compare results");
  rules_test->add_option("paths", line.rules_paths.paths, "Pack files or folders (default: the built-in packs)");
  rules_test->callback([&line] { line.command = Command::rules_test; });

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
    switch (line.command) {
      case Command::validate:
        return static_cast<int>(run_validate(line.validate, out, err));
      case Command::check:
        line.check.fail_on = fail_on_from(line.fail_on);
        line.check.color = color_from(line.color);
        line.check.format_given = !line.format.empty();
        line.check.format = parse_report_format(line.format.empty() ? "text" : line.format).value_or(ReportFormat::text);
        if (!parse_outputs(line.outputs, line.check, err)) {
          return static_cast<int>(ExitCode::bad_input);
        }
        return static_cast<int>(run_check(line.check, out, err));
      case Command::rules_eval:
        return static_cast<int>(run_rules_eval(line.rules_eval, out, err));
      case Command::rules_list:
        return static_cast<int>(run_rules_list(line.rules_list, out, err));
      case Command::rules_explain:
        return static_cast<int>(run_rules_explain(line.rules_explain, out, err));
      case Command::rules_lint:
        return static_cast<int>(run_rules_lint(line.rules_paths, out, err));
      case Command::rules_test:
        return static_cast<int>(run_rules_test(line.rules_paths, out, err));
      case Command::none:
        break;
    }
    return static_cast<int>(ExitCode::bad_input);
  } catch (const FatalError& error) {
    err << format_diagnostic({Severity::error, {}, error.what()}) << '\n';
    return static_cast<int>(ExitCode::bad_input);
  } catch (const std::exception& error) {
    err << format_diagnostic({Severity::error, {}, std::string("internal error: ") + error.what()}) << '\n';
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace ppsaudit
