#include "cli/completion.hpp"

#include <fmt/format.h>

namespace ppsaudit {

namespace {

// A word in single quotes, as both shells read it.
std::string quoted(std::string_view word) {
  std::string out = "'";
  for (const char c : word) {
    out += c == '\'' ? std::string(R"('\'')") : std::string(1, c);
  }
  return out + "'";
}

// "words json sarif", "path", "rule-id", "format-path json sarif" or "text": the kinds the
// script's _ppsaudit_offer understands; nothing for a flag.
std::string kind_line(const CompletedValue& value) {
  switch (value.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::text:
      return "text";
    case ValueKind::words:
      return fmt::format("words {}", fmt::join(value.words, " "));
    case ValueKind::path:
      return "path";
    case ValueKind::rule_id:
      return "rule-id";
    case ValueKind::format_path:
      return fmt::format("format-path {}", fmt::join(value.words, " "));
  }
  return "";
}

// One arm of a `case` statement: `'pattern') echo 'words' ;;`.
void add_arm(std::string& out, std::string_view pattern, std::string_view words) {
  out += fmt::format("    {}) echo {} ;;\n", quoted(pattern), quoted(words));
}

std::string path_of(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + " " + name;
}

// The arms of the four table functions, for `command` (at `path`) and every command under it.
struct Tables {
  std::string commands;
  std::string options;
  std::string values;
  std::string operands;
};

void add_tables(Tables& tables, const CompletedCommand& command, const std::string& path) {
  if (!command.commands.empty()) {
    std::vector<std::string> names;
    for (const auto& sub : command.commands) {
      names.push_back(sub.name);
    }
    add_arm(tables.commands, path, fmt::format("{}", fmt::join(names, " ")));
  }
  std::vector<std::string> option_names;
  for (const auto& option : command.options) {
    option_names.insert(option_names.end(), option.names.begin(), option.names.end());
    const auto kind = kind_line(option.value);
    for (const auto& name : option.names) {
      if (!kind.empty()) {
        add_arm(tables.values, fmt::format("{}/{}", path, name), kind);
      }
    }
  }
  if (!option_names.empty()) {
    add_arm(tables.options, path, fmt::format("{}", fmt::join(option_names, " ")));
  }
  if (const auto kind = kind_line(command.operands); !kind.empty()) {
    add_arm(tables.operands, path, kind);
  }
  for (const auto& sub : command.commands) {
    add_tables(tables, sub, path_of(path, sub.name));
  }
}

std::string table_function(std::string_view name, std::string_view comment, std::string_view subject,
                           const std::string& arms) {
  return fmt::format("# {}\n{}() {{\n  case {} in\n{}  esac\n}}\n\n", comment, name, subject, arms);
}

// The tables and the walk over the words before the cursor, which read the same in bash and zsh.
std::string common_functions(const CompletedCommand& root) {
  Tables tables;
  add_tables(tables, root, "");
  std::string out;
  out += table_function("_ppsaudit_commands", "The commands under a command ('' is ppsaudit itself).", "$1",
                        tables.commands);
  out += table_function("_ppsaudit_options", "The options of a command.", "$1", tables.options);
  out += table_function("_ppsaudit_value", "What the value of option $2 of command $1 is; nothing for a flag.", "$1/$2",
                        tables.values);
  out += table_function("_ppsaudit_operands", "What the operands of a command are.", "$1", tables.operands);
  out += R"sh(# Reads the words before the cursor: the command they name (_ppsaudit_command), an option
# still waiting for its value (_ppsaudit_pending), whether "--" has ended the options
# (_ppsaudit_ended), and the --rules packs given, for listing their rule ids.
_ppsaudit_walk() {
  _ppsaudit_command=
  _ppsaudit_pending=
  _ppsaudit_ended=
  _ppsaudit_packs=()
  local word
  for word in "$@"; do
    if [[ -n $_ppsaudit_pending ]]; then
      # bash splits "--format=json" into "--format" "=" "json".
      [[ $word == '=' ]] && continue
      [[ $_ppsaudit_pending == --rules ]] && _ppsaudit_packs+=(--rules "$word")
      _ppsaudit_pending=
      continue
    fi
    if [[ -z $_ppsaudit_ended ]]; then
      case $word in
        --) _ppsaudit_ended=1; continue ;;
        --rules=?*) _ppsaudit_packs+=(--rules "${word#*=}"); continue ;;
        -*=*) continue ;;
        -?*)
          [[ -n $(_ppsaudit_value "$_ppsaudit_command" "$word") ]] && _ppsaudit_pending=$word
          continue ;;
      esac
    fi
    if [[ " $(_ppsaudit_commands "$_ppsaudit_command") " == *" $word "* ]]; then
      _ppsaudit_command=${_ppsaudit_command:+$_ppsaudit_command }$word
    fi
  done
}

# What the word at the cursor ($1) completes to once no option waits for its value: an option
# of the command, one of its commands, or an operand.
_ppsaudit_word_kind() {
  if [[ -z $_ppsaudit_ended && $1 == -* ]]; then
    echo "words $(_ppsaudit_options "$_ppsaudit_command")"
    return
  fi
  local commands
  commands=$(_ppsaudit_commands "$_ppsaudit_command")
  if [[ -n $commands ]]; then
    echo "words $commands"
  else
    _ppsaudit_operands "$_ppsaudit_command"
  fi
}

# The rule ids, from the program being completed (which knows its own packs and any --rules
# given), one a line.
_ppsaudit_rule_ids() {
  local program=$1 id rest
  shift
  command -v "$program" >/dev/null 2>&1 || program=ppsaudit
  "$program" rules list "$@" 2>/dev/null | while read -r id rest; do
    printf '%s\n' "$id"
  done
}

)sh";
  return out;
}

}  // namespace

std::string bash_completion(const CompletedCommand& root) {
  return "# bash completion for ppsaudit, written by `ppsaudit completion bash` from the command\n"
         "# line it parses. Install it as bash-completion/completions/ppsaudit, or source it.\n\n" +
         common_functions(root) +
         R"sh(# Sets COMPREPLY to what a value of kind $1 (with words after it) offers for $cur.
_ppsaudit_offer() {
  local kind=$1
  shift
  case $kind in
    words)
      mapfile -t COMPREPLY < <(compgen -W "$*" -- "$cur") ;;
    format-path)
      mapfile -t COMPREPLY < <(compgen -S '=' -W "$*" -- "$cur")
      compopt -o nospace 2>/dev/null ;;
    path)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    rule-id)
      mapfile -t COMPREPLY < <(compgen -W "$(_ppsaudit_rule_ids "$program" "${_ppsaudit_packs[@]}")" -- "$cur") ;;
  esac
}

_ppsaudit() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev= before= option= program=${COMP_WORDS[0]}
  program=${program/#\~/$HOME}
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}
  ((COMP_CWORD > 1)) && before=${COMP_WORDS[COMP_CWORD-2]}
  COMPREPLY=()
  _ppsaudit_walk "${COMP_WORDS[@]:1:COMP_CWORD-1}"
  # "--format=<TAB>": the current word is the "=" itself, and readline completes what is after it.
  option=${COMP_WORDS[COMP_CWORD-3]}
  if [[ $cur == '=' ]]; then
    cur=
    option=$before
    before=$prev
    prev='='
  fi
  local kind
  if [[ -n $_ppsaudit_pending ]]; then
    kind=$(_ppsaudit_value "$_ppsaudit_command" "$_ppsaudit_pending")
  elif [[ $prev == '=' && $before != -* ]]; then
    # "--output json=<TAB>": the path after the format.
    [[ $(_ppsaudit_value "$_ppsaudit_command" "$option") == format-path* ]] && kind=path
  else
    kind=$(_ppsaudit_word_kind "$cur")
  fi
  [[ -n $kind ]] && _ppsaudit_offer $kind
  return 0
}

complete -F _ppsaudit ppsaudit
)sh";
}

std::string zsh_completion(const CompletedCommand& root) {
  return "#compdef ppsaudit\n"
         "# zsh completion for ppsaudit, written by `ppsaudit completion zsh` from the command line\n"
         "# it parses. Install it as _ppsaudit in a folder of $fpath, or source it after compinit.\n\n" +
         common_functions(root) + R"sh(# Offers what a value of kind $1 (with words after it) takes.
_ppsaudit_offer() {
  local kind=$1
  shift
  case $kind in
    words) compadd -- "$@" ;;
    format-path)
      if compset -P '*='; then
        _files
      else
        compadd -S '=' -- "$@"
      fi ;;
    path) _files ;;
    rule-id) compadd -- ${(f)"$(_ppsaudit_rule_ids "${(Q)words[1]}" "${_ppsaudit_packs[@]}")"} ;;
  esac
}

_ppsaudit_main() {
  local cur=${words[CURRENT]} kind
  _ppsaudit_walk "${(@)words[2,CURRENT-1]}"
  if [[ -n $_ppsaudit_pending ]]; then
    kind=$(_ppsaudit_value "$_ppsaudit_command" "$_ppsaudit_pending")
  elif [[ -z $_ppsaudit_ended && $cur == -*=* ]]; then
    # "--format=js": the value after the '='.
    kind=$(_ppsaudit_value "$_ppsaudit_command" "${cur%%=*}")
    compset -P 1 '*='
  else
    kind=$(_ppsaudit_word_kind "$cur")
  fi
  [[ -n $kind ]] && _ppsaudit_offer ${=kind}
  return 0
}

if [[ $funcstack[1] == _ppsaudit ]]; then
  _ppsaudit_main "$@"
else
  compdef _ppsaudit_main ppsaudit
fi
)sh";
}

}  // namespace ppsaudit
