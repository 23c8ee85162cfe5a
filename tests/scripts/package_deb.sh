#!/usr/bin/env bash
# Builds the .deb from a built tree as the README's optional third command does (cpack --config
# BUILD/CPackConfig.cmake -B DIR), into OUT, never into BUILD's own package folder, and checks it:
#   - lintian (Debian's) finds no error and no warning (its information tags are shown);
#   - its control fields, and Depends names the package of every shared library the binary
#     needs (readelf -d NEEDED, found with ldd, owned per dpkg -S), as dpkg-shlibdeps found them;
#   - unpacked (dpkg-deb -x), the binary is stripped, audits the README's example as the built
#     one does (same output, exit 0 with --fail-on none and 1 without), and every file is where
#     install_layout.cmake wants it under /usr (man pages that render, completions, schemas,
#     rule packs, documents);
#   - package/changelog's newest entry is this version.
# Exit 77 (skipped, not passed) when lintian is not installed (Debian: lintian; .ci/setup --tests).
# Usage: package_deb.sh CPACK BUILD SOURCE OUT VERSION
set -euo pipefail
cpack=$1 build=$2 source=$3 out=$4 version=$5
cmake=$(dirname "$cpack")/cmake

for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog readelf ldd; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (Debian: dpkg-dev, binutils)"; exit 1; }
done
if ! command -v lintian >/dev/null; then
  echo "SKIP: lintian is not installed (Debian: lintian)"
  exit 77
fi
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $* (at ${SECONDS} s)"; }

rm -rf "$out"
mkdir -p "$out"

step "cpack"
# The README's optional third command, which this step runs but for its -B folder.
readme_command='cpack --config build/CPackConfig.cmake -B build/package && sudo apt-get install ./build/package/ppsaudit_*.deb'
grep -qF "$readme_command" "$source/README.md" || fail "README.md no longer has '$readme_command', which this test runs"
if ! "$cpack" --config "$build/CPackConfig.cmake" -B "$out/cpack" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  fail "cpack exited non-zero"
fi
debs=("$out"/cpack/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "cpack made ${#debs[@]} .deb files: ${debs[*]}"
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "ppsaudit_${version}_${arch}.deb" ] || fail "the package is named $(basename "$deb")"

step "lintian"
# --fail-on error,warning: an E: or a W: tag fails; I: (information) is shown, and allowed.
if ! lintian --no-cfg --display-info --fail-on error,warning "$deb" >"$out/lintian.log" 2>&1; then
  cat "$out/lintian.log"
  fail "lintian found errors or warnings in $(basename "$deb")"
fi
if grep -E '^[EW]: ' "$out/lintian.log"; then
  fail "lintian printed errors or warnings"
fi
cat "$out/lintian.log"

step "control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = ppsaudit ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[ "$(field Priority)" = optional ] || fail "Priority: $(field Priority)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer: $(field Maintainer)"
description=$(field Description)
[ "$(printf '%s\n' "$description" | wc -l)" -ge 3 ] || fail "Description has no long form:
$description"
depends=$(field Depends)
[ -n "$depends" ] || fail "Depends is empty"
echo "Depends: $depends"
# The package names in Depends (each alternative; versions and architectures dropped).
declare -A named=()
for name in $(printf '%s\n' "$depends" | sed 's/[,|]/\n/g' | sed 's/([^)]*)//; s/:[a-z0-9]*//'); do
  named[$name]=1
done

step "unpack"
root=$out/root
dpkg-deb -x "$deb" "$root"
binary=$root/usr/bin/ppsaudit
[ -x "$binary" ] || fail "no executable usr/bin/ppsaudit in the package"
if readelf -SW "$binary" | grep -E '\.(symtab|debug_info)\b'; then
  fail "usr/bin/ppsaudit in the package is not stripped"
fi

step "Depends covers every shared library the binary needs"
needed=$(readelf -dW "$binary" | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf -d finds no NEEDED library in usr/bin/ppsaudit"
# Debian 12 merges /lib into /usr/lib, and dpkg knows each file by the path its package ships,
# so each path is asked for as ldd prints it, without /usr and with it; one dpkg -S for all (it
# reads its whole database each time).
declare -A found=() owners=()
candidates=()
resolved=$(ldd "$binary")
for library in $needed; do
  path=$(awk -v lib="$library" '$1 == lib && $2 == "=>" { print $3 }' <<<"$resolved")
  [ -n "$path" ] || fail "ldd does not find $library"
  found[$library]=$path
  candidates+=("$path" "${path#/usr}" "/usr$path")
done
while IFS= read -r line; do
  owners[${line#*: }]=${line%%:*}
done < <(dpkg -S "${candidates[@]}" 2>/dev/null || true)
for library in $needed; do
  path=${found[$library]}
  package=
  for candidate in "$path" "${path#/usr}" "/usr$path"; do
    package=${owners[$candidate]:-}
    [ -z "$package" ] || break
  done
  [ -n "$package" ] || fail "dpkg -S finds no package owning $path ($library)"
  [ -n "${named[$package]:-}" ] || fail "$library is in $package, which Depends does not name: $depends"
  echo "$library -> $package"
done

step "the packaged binary audits the README's example"
example=(check examples/cambridgeshire-pps.yaml --rules examples/cambridgeshire-pps.rules.yaml --as-of 2008-07-31)
cd "$source"
status=0
"$binary" "${example[@]}" --fail-on none >"$out/packaged.txt" 2>"$out/packaged.err" || status=$?
[ $status -eq 0 ] || { cat "$out/packaged.err"; fail "usr/bin/ppsaudit ${example[*]} --fail-on none exited $status"; }
"$build/ppsaudit" "${example[@]}" --fail-on none >"$out/built.txt"
cmp "$out/built.txt" "$out/packaged.txt" || fail "the packaged binary's report differs from the built one's"
grep -q 'not met' "$out/packaged.txt" || fail "the report has no 'not met' count:
$(cat "$out/packaged.txt")"
[ ! -s "$out/packaged.err" ] || fail "the packaged binary wrote to standard error: $(cat "$out/packaged.err")"
status=0
"$binary" "${example[@]}" >"$out/packaged-fail.txt" || status=$?
[ $status -eq 1 ] || fail "usr/bin/ppsaudit ${example[*]} exited $status, not 1 (findings)"

step "the layout under /usr"
cd "$out"
"$cmake" -DPREFIX="$root/usr" -DSOURCE="$source" -DVERSION="$version" -DBINDIR=bin -DDATADIR=share \
  -DMANDIR=share/man -DDOCDIR=share/doc/ppsaudit -P "$source/tests/scripts/install_layout.cmake"

step "package/changelog"
newest=$(dpkg-parsechangelog -l "$source/package/changelog" -S Version)
[ "$newest" = "$version" ] || fail "package/changelog's newest entry is $newest; project() says $version"

rm -rf "$out"
echo "$(basename "$deb"): lintian-clean, Depends covers $(wc -w <<<"$needed") libraries, runs, laid out (${SECONDS} s)"
