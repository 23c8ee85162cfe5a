# Drives the bash completion script as bash does on TAB: sources it, sets COMP_WORDS and
# COMP_CWORD, calls the function that `complete -p ppsaudit` names and reads COMPREPLY.
# Run from the source tree with `bash --norc --noprofile`, so that no user setting plays a part.
# Usage: bash --norc --noprofile bash_completion.sh PPSAUDIT SCRIPT
set -u
ppsaudit=$1
script=$2
failures=0

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: cannot source $script"; exit 1; }

registered=$(complete -p ppsaudit 2>&1)
if [[ $registered != "complete -F _ppsaudit ppsaudit" ]]; then
  echo "FAIL: complete -p ppsaudit: $registered"
  exit 1
fi
function=${registered#complete -F }
function=${function%% *}

# The words that TAB offers after the words given (the last one is the word being completed),
# sorted, one a line.
offered() {
  COMP_WORDS=("$ppsaudit" "$@")
  COMP_CWORD=$#
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$function" ppsaudit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | LC_ALL=C sort
}

fail() {
  echo "FAIL: ppsaudit $1<TAB>: $2"
  failures=$((failures + 1))
}

# The words of "WORDS" split at spaces, as bash splits a line (and at '=', which the cases
# write apart); a space at the end is an empty word, where TAB is pressed after a space.
offered_after() {
  local -a words
  read -ra words <<<"$1"
  if [[ -z $1 || $1 == *' ' ]]; then
    words+=("")
  fi
  offered "${words[@]}"
}

# expect_exactly "WORDS" "expected words": TAB offers just these.
expect_exactly() {
  local words=$1 expected got
  # shellcheck disable=SC2086
  expected=$(printf '%s\n' $2 | sed '/^$/d' | LC_ALL=C sort)
  got=$(offered_after "$words")
  [[ $got == "$expected" ]] || fail "$words" "offered [${got//$'\n'/ }], expected [${expected//$'\n'/ }]"
}

# expect_including "WORDS" "words": TAB offers at least these.
expect_including() {
  local words=$1 word got
  got=$(offered_after "$words")
  for word in $2; do
    grep -qxF -- "$word" <<<"$got" || fail "$words" "'$word' not offered among [${got//$'\n'/ }]"
  done
}

# The commands, and the words help and version that ppsaudit reads before CLI11 does.
expect_exactly "ch" "check"
expect_exactly "" "init validate check compare due rules schema help version"
expect_exactly "rules " "eval list explain lint test"
expect_exactly "rules ex" "explain"
expect_exactly "schema " "service rules report compare due"
expect_exactly "schema r" "rules report"
expect_exactly "help ru" "rules"
expect_exactly "help rules e" "eval explain"

# Options, and the fixed words of their values, from the option tables.
expect_exactly "check --for" "--format"
expect_including "check --format " "text json junit sarif markdown html github xlsx"
expect_exactly "check --format j" "json junit"
# bash splits "--format=js" at '=': the words are "--format" "=" "js", or "--format" "=" when
# TAB is pressed just after the '=' (readline then completes the empty word after it).
expect_exactly "check --format = js" "json"
expect_including "check --format =" "json sarif"
expect_exactly "check --fail-on " "must should any none new"
expect_exactly "check --color " "auto always never"
expect_exactly "check --era " "warn strict"
expect_exactly "check --profile " "pps iass"
expect_exactly "rules list --profile " "pps iass"
expect_exactly "init --framework " "send_cop_2015 sen_cop_2001"
expect_exactly "init --f" "--framework --force"
expect_exactly "init examples/cambridgeshire-pps.y" "examples/cambridgeshire-pps.yaml"
expect_exactly "compare --format " "text markdown html json"
expect_exactly "check --output js" "json="
expect_exactly "compare --output ma" "markdown="
expect_exactly "check --jobs " ""
expect_exactly "rules eval --service x.yaml -- -" ""
expect_including "rules explain --" "--rules --help"
expect_including "check --q" "--quiet"

# Service files, folders and packs: the files under the current folder.
expect_exactly "check examples/cambridgeshire-pps.y" "examples/cambridgeshire-pps.yaml"
expect_exactly "validate examples/cambridgeshire-pps.y" "examples/cambridgeshire-pps.yaml"
expect_exactly "compare examples/cambridgeshire-pps.yaml examples/cambridgeshire-pps.y" \
  "examples/cambridgeshire-pps.yaml"
expect_exactly "check --rules rules/send-cop-2015.y" "rules/send-cop-2015.yaml"
expect_exactly "check --output json = examples/cambridgeshire-pps.y" "examples/cambridgeshire-pps.yaml"
expect_exactly "check --baseline examples/cambridgeshire-pps.y" "examples/cambridgeshire-pps.yaml"

# Rule ids, as `ppsaudit rules list` prints them, whatever the options before the id.
listed=$("$ppsaudit" rules list | while read -r id rest; do printf '%s\n' "$id"; done | grep '^send-cop-2015/')
if [[ -z $listed ]]; then
  fail "rules explain send-cop-2015/" "'ppsaudit rules list' lists no send-cop-2015/ rule"
fi
expect_exactly "rules explain send-cop-2015/" "$listed"
# The ids of a local pack given with --rules before the id are offered too.
local_pack=examples/cambridgeshire-pps.rules.yaml
local_ids=$("$ppsaudit" rules list --rules "$local_pack" | while read -r id rest; do printf '%s\n' "$id"; done |
  grep '^cambridgeshire-pps/')
if [[ -z $local_ids ]]; then
  fail "rules explain --rules $local_pack cambridgeshire-pps/" "'ppsaudit rules list' lists no rule of the pack"
fi
expect_exactly "rules explain --rules $local_pack cambridgeshire-pps/" "$local_ids"
expect_exactly "rules explain cambridgeshire-pps/" ""

# Every long option that each command's --help lists, and no other, is offered after "--".
for command in init validate check compare due "rules eval" "rules list" "rules explain" "rules lint" "rules test" schema; do
  # shellcheck disable=SC2086
  help_options=$("$ppsaudit" $command --help | grep -oE '^  +(-[A-Za-z],)?--[a-z][a-z0-9-]*' |
    grep -oE -- '--[a-z][a-z0-9-]*' | LC_ALL=C sort -u)
  expect_exactly "$command --" "$help_options"
done

if ((failures > 0)); then
  echo "$failures failed"
  exit 1
fi
echo "bash completion: every case offered what it should"
