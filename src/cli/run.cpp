#include "cli/run.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "diag/diagnostics.hpp"
#include "exit_code.hpp"

namespace ppsaudit {

namespace {

enum class Command { none, validate };

struct CommandLine {
  Command command = Command::none;
  ValidateOptions validate;
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
