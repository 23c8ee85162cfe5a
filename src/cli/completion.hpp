#pragma once

#include <string>
#include <vector>

namespace ppsaudit {

// Shell completion scripts for ppsaudit, written from the same command tree that parses the
// command line (run.cpp walks it into a CompletedCommand), so that they cannot drift from it.

// What a word completes to where a command or an option takes a value.
enum class ValueKind {
  none,         // a flag: no value
  text,         // free text (a date, a number, an expression): nothing to offer
  words,        // one of a fixed list of words
  path,         // a file or a folder
  rule_id,      // a rule id, as `ppsaudit rules list` prints them when the user presses TAB
  format_path,  // FORMAT=PATH: a format word, then a path after '='
};

// The value an option or a command's operands take.
struct CompletedValue {
  ValueKind kind = ValueKind::none;
  std::vector<std::string> words;  // the words, or the formats of FORMAT=PATH
};

struct CompletedOption {
  std::vector<std::string> names;  // "-q", "--quiet"
  CompletedValue value;
};

// A command ("" for ppsaudit itself), its options, what its operands are, and its commands.
struct CompletedCommand {
  std::string name;
  std::vector<CompletedOption> options;
  CompletedValue operands;
  std::vector<CompletedCommand> commands;
};

// The bash script: a function _ppsaudit registered with `complete -F`.
std::string bash_completion(const CompletedCommand& root);

// The zsh script: autoloaded as _ppsaudit from $fpath (#compdef), or sourced after compinit.
std::string zsh_completion(const CompletedCommand& root);

}  // namespace ppsaudit
