// `ppsaudit rules eval 'EXPR'`: type-checks and evaluates one rule expression, so that rule
// authors can try the language (and, later, the domain functions) from the shell.
#include <memory>
#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "calendar/date.hpp"
#include "cel/program.hpp"
#include "cli/commands.hpp"
#include "cli/rule_inputs.hpp"
#include "diag/diagnostics.hpp"
#include "rules/domain_functions.hpp"
#include "rules/pack_loader.hpp"
#include "rules/service_binding.hpp"
#include "service/loader.hpp"
#include "service/schema.hpp"
#include "text/bounded_text.hpp"
#include "text/printable.hpp"

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

}  // namespace

ExitCode run_rules_eval(const RulesEvalOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  const auto as_of = parse_as_of(options.as_of, diagnostics);
  std::optional<service::ServiceFile> file;
  if (!options.service.empty()) {
    file = service::load_service(options.service, diagnostics);
  }
  diagnostics.print(err);
  if (diagnostics.has_errors()) {
    return ExitCode::bad_input;
  }

  // The same environment rule packs are checked against: standard library, service types,
  // domain functions.
  auto compiled = cel::compile(rules::rule_env(), options.expression);
  if (const auto* errors = std::get_if<std::vector<cel::CompileError>>(&compiled)) {
    for (const auto& error : *errors) {
      report(err, options.expression, error.offset, error.message);
    }
    return ExitCode::bad_input;
  }

  // Without --service, the service's variables are errors that say how to give one.
  cel::Activation activation;
  rules::AuditContext context{file ? &*file : nullptr, *as_of};
  if (file) {
    activation = rules::bind_service(*file, *as_of);
  } else {
    for (const auto& field : service::service_file_schema().fields) {
      activation.bind(
          std::string(field.name),
          cel::Value::error(fmt::format("'{}' needs a service file: give one with --service FILE", field.name)));
    }
    activation.bind("file", cel::Value::error("'file' needs a service file: give one with --service FILE"));
    activation.bind("as_of", rules::date_value(*as_of));
  }
  cel::EvalOptions eval_options;
  eval_options.host = &context;
  const cel::Value result = std::get<cel::Program>(compiled).evaluate(activation, eval_options);
  if (const auto* error = result.as_error()) {
    report(err, options.expression, error->offset == cel::k_no_offset ? 0 : error->offset, error->message);
    return ExitCode::findings;
  }
  const std::string literal = cel::to_cel_literal(result);
  // A CEL literal already escapes C0 controls; printable's "\u202e" and "\u0085" read back as CEL too.
  out << printable(literal) << '\n';
  if (literal.ends_with(text::k_ellipsis)) {
    err << format_diagnostic({Severity::note, make_location(expression_file_name(), 1, 1),
                              fmt::format("the value is cut at {} bytes", cel::k_print_limit)})
        << '\n';
  }
  return ExitCode::ok;
}

}  // namespace ppsaudit
