#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/exit_code.hpp"

namespace ppsaudit {

struct ValidateOptions {
  std::vector<std::string> files;
};

// `ppsaudit validate FILE...`: reports every problem in every file, or one ok line per file.
ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

struct RulesEvalOptions {
  std::string expression;
  std::string as_of;    // YYYY-MM-DD; empty means today (UTC)
  std::string service;  // a service file whose data the expression can read
};

// `ppsaudit rules eval 'EXPR'`: prints the value in CEL literal syntax (exit 0); a parse or type
// error exits 2 and an evaluation error 1, each as "expression:LINE:COL: error: MESSAGE".
ExitCode run_rules_eval(const RulesEvalOptions& options, std::ostream& out, std::ostream& err);

struct RulesPathsOptions {
  std::vector<std::string> paths;  // pack files or folders; none: the built-in packs
};

// `ppsaudit rules lint [PATH...]`: loads packs, type-checks every expression and fixture,
// and checks what a pack must get right (fixtures for both results, honest citations).
ExitCode run_rules_lint(const RulesPathsOptions& options, std::ostream& out, std::ostream& err);

// `ppsaudit rules test [PATH...]`: runs every fixture; exit 1 when any gives another result.
ExitCode run_rules_test(const RulesPathsOptions& options, std::ostream& out, std::ostream& err);

struct RulesListOptions {
  std::string profile;
  std::vector<std::string> rules;
  bool json = false;  // --format json: for scripts
};

// `ppsaudit rules list [--profile P]`: one line per rule.
ExitCode run_rules_list(const RulesListOptions& options, std::ostream& out, std::ostream& err);

struct RulesExplainOptions {
  std::string id;
  std::vector<std::string> rules;
};

// `ppsaudit rules explain ID`: everything about one rule.
ExitCode run_rules_explain(const RulesExplainOptions& options, std::ostream& out, std::ostream& err);

struct SchemaOptions {
  std::string format;  // one of schema_words()
};

// The words `ppsaudit schema` takes, each with the file of schema/ it prints (none: the schema
// is made from the loader's tables).
const std::vector<std::pair<std::string_view, std::string_view>>& schema_words();

// `ppsaudit schema service|rules|report|compare|due`: prints the JSON Schema of a format.
ExitCode run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ppsaudit
