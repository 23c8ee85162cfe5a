// `ppsaudit rules eval 'EXPR'`: type-checks and evaluates one rule expression, so that rule
// authors can try the language (and, later, the domain functions) from the shell.
#include <memory>
#include <ostream>
#include <variant>

#include "calendar/date.hpp"
#include "cel/program.hpp"
#include "cli/commands.hpp"
#include "diag/diagnostics.hpp"

namespace ppsaudit {

namespace {

const std::shared_ptr<const std::string>& expression_file_name() {
  static const auto k_name = std::make_shared<const std::string>("expression");
  return k_name;
}

// "expression:LINE:COL: error: MESSAGE", positions within the expression text.
void report(std::ostream& err, std::string_view expression, std::size_t offset, const std::string& message) {
  const cel::TextPosition position = cel::position_in(expression, offset);
  const Location where = make_location(expression_file_name(), position.line, position.column);
  err << format_diagnostic({Severity::error, where, message}) << '\n';
}

// The environment of `rules eval`: the standard library plus the audit date. Domain functions
// and the service binding are declared here as they arrive.
std::shared_ptr<const cel::Env> rules_env() {
  auto env = std::make_shared<cel::Env>(cel::Env::standard());
  env->declare_variable("as_of", cel::Type::timestamp());
  return env;
}

}  // namespace

ExitCode run_rules_eval(const RulesEvalOptions& options, std::ostream& out, std::ostream& err) {
  Date as_of = today_utc();
  if (!options.as_of.empty()) {
    auto parsed = parse_date(options.as_of);
    if (const auto* message = std::get_if<std::string>(&parsed)) {
      err << format_diagnostic({Severity::error, {}, "--as-of: " + *message}) << '\n';
      return ExitCode::bad_input;
    }
    as_of = std::get<Date>(parsed);
  }

  auto compiled = cel::compile(rules_env(), options.expression);
  if (const auto* errors = std::get_if<std::vector<cel::CompileError>>(&compiled)) {
    for (const auto& error : *errors) {
      report(err, options.expression, error.offset, error.message);
    }
    return ExitCode::bad_input;
  }

  cel::Activation activation;
  // Midnight UTC of the audit date; always within CEL's timestamp range (years 1..9999).
  const auto midnight = cel::make_timestamp(as_of.days_since_1970() * 86400, 0);
  activation.bind("as_of", cel::Value::timestamp(midnight.value_or(cel::Timestamp{})));

  const cel::Value result = std::get<cel::Program>(compiled).evaluate(activation);
  if (const auto* error = result.as_error()) {
    report(err, options.expression, error->offset == cel::k_no_offset ? 0 : error->offset, error->message);
    return ExitCode::findings;
  }
  out << cel::to_cel_literal(result) << '\n';
  return ExitCode::ok;
}

}  // namespace ppsaudit
