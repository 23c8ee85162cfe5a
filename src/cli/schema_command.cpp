#include <ostream>

#include "cli/choice_table.hpp"
#include "cli/commands.hpp"
#include "cli/embedded_schemas.hpp"
#include "cli/json_schema.hpp"
#include "diag/diagnostics.hpp"

namespace ppsaudit {

const std::vector<std::pair<std::string_view, std::string_view>>& schema_words() {
  // The input formats' schemas are made from their loaders' tables; the reports' are files of schema/.
  static const std::vector<std::pair<std::string_view, std::string_view>> k_words{
      {"service", ""},
      {"rules", ""},
      {"report", "schema/ppsaudit-report.schema.json"},
      {"compare", "schema/ppsaudit-compare.schema.json"},
      {"due", "schema/ppsaudit-due.schema.json"}};
  return k_words;
}

ExitCode run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format == "service") {
    out << service_json_schema();
    return ExitCode::ok;
  }
  if (options.format == "rules") {
    out << rules_json_schema();
    return ExitCode::ok;
  }
  const auto file = choice_of(schema_words(), options.format);
  for (const auto& schema : embedded_schemas()) {
    if (schema.name == file) {
      out << schema.text;
      return ExitCode::ok;
    }
  }
  err << format_diagnostic({Severity::error, {}, "internal error: no schema for '" + options.format + "'"}) << '\n';
  return ExitCode::internal;
}

}  // namespace ppsaudit
