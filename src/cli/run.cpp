#include "cli/run.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "diag/diagnostics.hpp"
#include "exit_code.hpp"

namespace ppsaudit {

namespace {

enum class Command { none, validate, rules_eval };

struct CommandLine {
  Command command = Command::none;
  ValidateOptions validate;
  RulesEvalOptions rules_eval;
};

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

  auto* rules = app.add_subcommand("rules", "Work with rule expressions (CEL)");
  rules->require_subcommand(1);
  auto* rules_eval = rules->add_subcommand("eval", "Type-check and evaluate one expression, print its value");
  rules_eval->add_option("expression", line.rules_eval.expression, "The expression (CEL)")->required();
  rules_eval->add_option("--as-of", line.rules_eval.as_of, "Audit date YYYY-MM-DD, bound to 'as_of' (default: today)");
  rules_eval->callback([&line] { line.command = Command::rules_eval; });

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
      case Command::rules_eval:
        return static_cast<int>(run_rules_eval(line.rules_eval, out, err));
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
