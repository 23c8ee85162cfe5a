# Checks the zsh completion script: its syntax (zsh -n), then what it offers, with zsh's
# completion builtins (compadd, compset, _files) replaced by functions that print their words,
# since they only work inside a completion widget.
# Run from the source tree.
# Usage: zsh -f zsh_completion.zsh PPSAUDIT SCRIPT
ppsaudit=$1
script=$2
integer failures=0

if ! zsh -n $script; then
  print "FAIL: zsh -n $script"
  exit 1
fi

compadd() {
  local suffix=
  while [[ $1 != -- ]]; do
    [[ $1 == -S ]] && { suffix=$2; shift; }
    shift
  done
  shift
  local word
  for word in "$@"; do
    print -r -- "$word$suffix"
  done
}
_files() { print -r -- "<files>"; }
compset() { return 1; }
registered=
compdef() { registered="$*"; }

source $script
if [[ $registered != "_ppsaudit_main ppsaudit" ]]; then
  print "FAIL: sourcing $script registers '$registered', not '_ppsaudit_main ppsaudit'"
  failures+=1
fi

# expect "WORDS" "expected words": TAB after WORDS (the last one is the word being completed,
# empty after a trailing space) offers just these.
expect() {
  local -a words
  words=($ppsaudit ${(s: :)1})
  [[ -z $1 || $1 == *' ' ]] && words+=("")
  local CURRENT=${#words}
  local got expected
  got=$(_ppsaudit_main | LC_ALL=C sort | grep -v '^$')
  expected=$(print -l -- ${=2} | LC_ALL=C sort | grep -v '^$')
  if [[ $got != $expected ]]; then
    print -r -- "FAIL: ppsaudit $1<TAB>: offered [${(f)got}], expected [${(f)expected}]"
    failures+=1
  fi
}

expect "" "init validate check compare due rules schema help version"
expect "rules " "eval list explain lint test"
expect "schema " "service rules report compare due"
# zsh matches the words against what is typed: the script offers all of a command's options.
help_options=$($ppsaudit check --help | grep -oE '^  +(-[A-Za-z],)?--[a-z][a-z0-9-]*' | grep -oE -- '-[a-z-]*')
expect "check --for" "$help_options"
expect "check --format " "text json junit sarif markdown html github xlsx"
expect "check --fail-on " "must should any none new"
expect "check --profile " "pps iass"
expect "init --framework " "send_cop_2015 sen_cop_2001"
expect "check --output " "text= json= junit= sarif= markdown= html= github= xlsx="
expect "check " "<files>"
expect "check --jobs " ""
ids=$($ppsaudit rules list | while read -r id rest; do print -r -- $id; done)
[[ -n $ids ]] || { print "FAIL: ppsaudit rules list lists no rule"; failures+=1; }
expect "rules explain send-cop-2015/" "$ids"
if ((failures > 0)); then
  print "$failures failed"
  exit 1
fi
print "zsh completion: the script parses and every case offered what it should"
