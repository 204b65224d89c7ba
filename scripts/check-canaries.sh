#!/usr/bin/env bash
# Fails when a canary secret appears in the given files, or in any file under the given
# folders: the test suite's output, the server logs the tests keep, conformance results.
# Every secret the tests use is a canary (tests/support/canaries.hpp, tests/e2e/canaries.mjs)
# and starts with "canary-"; nothing else may contain that marker. A hit is reported by file
# and line with the value masked, never the value itself.
#   scripts/check-canaries.sh PATH...      exit 0: none found; 1: found; 2: a PATH is missing
#   scripts/check-canaries.sh --self-test  proves the check finds a canary and stays quiet otherwise
set -euo pipefail

pattern='canary-[[:alnum:]][[:alnum:]_.-]*'

# mask VALUE: its first character, then one star per character, and its length.
mask() {
  local value="$1"
  printf '%s%s (%d characters)' "${value:0:1}" "$(printf '%*s' $((${#value} - 1)) '' | tr ' ' '*')" "${#value}"
}

# scan PATH...: prints "FILE:LINE: ..." for every canary; returns 1 if it found any.
scan() {
  local found=0 hit file line value
  while IFS= read -r hit; do
    # grep prints FILE:LINE:VALUE; the value has no colon, the file name might.
    value="${hit##*:}"
    hit="${hit%:*}"
    line="${hit##*:}"
    file="${hit%:*}"
    printf '%s:%s: a canary secret: %s\n' "$file" "$line" "$(mask "$value")"
    found=1
  done < <(grep -r -a -n -o -H -E "$pattern" -- "$@" || true)
  return "$found"
}

self_test() {
  local dir status=0 out
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' RETURN
  printf 'the server started\nno secrets here\n' >"$dir/clean.log"
  printf 'first line\nthe server wrote canary-planted-value here\n' >"$dir/leak.log"
  "$0" "$dir/clean.log" >/dev/null || { echo "check-canaries self-test: a clean file was flagged" >&2; return 1; }
  out="$("$0" "$dir/clean.log" "$dir/leak.log" 2>/dev/null)" || status=$?
  [ "$status" -eq 1 ] || { echo "check-canaries self-test: a leaked canary was not found (exit $status)" >&2; return 1; }
  grep -q "leak.log:2: a canary secret" <<<"$out" || { echo "check-canaries self-test: the report names no file and line" >&2; return 1; }
  if grep -q "planted-value" <<<"$out"; then
    echo "check-canaries self-test: the report shows the canary" >&2
    return 1
  fi
  status=0
  "$0" "$dir/missing.log" >/dev/null 2>&1 || status=$?
  [ "$status" -eq 2 ] || { echo "check-canaries self-test: a missing file was not refused" >&2; return 1; }
  echo "check-canaries: self-test passed (a canary is found, reported masked; clean files pass)"
}

if [ "${1:-}" = "--self-test" ]; then
  self_test
  exit
fi
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/check-canaries.sh PATH... | --self-test" >&2
  exit 2
fi
for path in "$@"; do
  [ -e "$path" ] || { echo "check-canaries: $path does not exist" >&2; exit 2; }
done
if ! scan "$@"; then
  echo "check-canaries: canary secrets leaked into the output above" >&2
  exit 1
fi
echo "check-canaries: no canary in $# path(s)"
