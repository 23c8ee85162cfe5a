#include <string>

#include <doctest/doctest.h>

#include "cli/completion.hpp"

namespace {

using ppsaudit::CompletedCommand;
using ppsaudit::ValueKind;

// ppsaudit with one command, "check", that has a flag, an option of fixed words, an option
// that takes FORMAT=PATH, and paths for operands; and "rules explain", which takes a rule id.
CompletedCommand tree() {
  CompletedCommand check{"check",
                         {{{"-q", "--quiet"}, {}},
                          {{"--format"}, {ValueKind::words, {"text", "json"}}},
                          {{"--output"}, {ValueKind::format_path, {"json"}}}},
                         {ValueKind::path, {}},
                         {}};
  CompletedCommand explain{"explain", {}, {ValueKind::rule_id, {}}, {}};
  CompletedCommand rules{"rules", {}, {}, {explain}};
  return {"", {{{"--help"}, {}}}, {}, {check, rules}};
}

bool has(const std::string& script, const std::string& text) {
  return script.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("the bash script lists each command's commands, options and what their values are") {
  const auto script = ppsaudit::bash_completion(tree());
  CHECK(has(script, "    '') echo 'check rules' ;;\n"));
  CHECK(has(script, "    'rules') echo 'explain' ;;\n"));
  CHECK(has(script, "    'check') echo '-q --quiet --format --output' ;;\n"));
  CHECK(has(script, "    'check/--format') echo 'words text json' ;;\n"));
  CHECK(has(script, "    'check/--output') echo 'format-path json' ;;\n"));
  CHECK(has(script, "    'check') echo 'path' ;;\n"));
  CHECK(has(script, "    'rules explain') echo 'rule-id' ;;\n"));
  CHECK_FALSE(has(script, "'check/--quiet'"));  // a flag takes no value
  CHECK(has(script, "complete -F _ppsaudit ppsaudit\n"));
}

TEST_CASE("the zsh script is a #compdef function over the same tables") {
  const auto script = ppsaudit::zsh_completion(tree());
  CHECK(script.starts_with("#compdef ppsaudit\n"));
  CHECK(has(script, "    'check/--format') echo 'words text json' ;;\n"));
  CHECK(has(script, "compdef _ppsaudit_main ppsaudit"));
}

TEST_CASE("a word with a quote in it stays one word in the script") {
  CompletedCommand root{"", {{{"--mode"}, {ValueKind::words, {"it's"}}}}, {}, {}};
  CHECK(has(ppsaudit::bash_completion(root), R"('/--mode') echo 'words it'\''s' ;;)"));
}
