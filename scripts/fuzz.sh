#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz into BUILD_DIR (clang with AddressSanitizer and
# UndefinedBehaviorSanitizer; default build-fuzz/) and runs each, one after another, for SECONDS
# on a copy of its seed corpus (new inputs stay in BUILD_DIR/corpus/, crashes go to
# BUILD_DIR/artifacts/). BUILD_DIR may be the tree scripts/sanitize.sh asan built: its
# libraries are already instrumented, so only the targets are linked.
# Prints one line per target: executions, exec/s, coverage (cov), features (ft), corpus size
# and crashes. Fails if any target crashes.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [BUILD_DIR]        (default 20, build-fuzz)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-20}"
build="$root/${2:-build-fuzz}"
targets=(fuzz_stdio_session fuzz_schema_validator fuzz_tiktok_response fuzz_airbyte_response fuzz_http_request
  fuzz_change fuzz_report_csv)
# Longest input per target: a few messages or exchanges, enough to reach every check.
declare -A max_len=([fuzz_stdio_session]=8192 [fuzz_schema_validator]=4096 [fuzz_tiktok_response]=8192
  [fuzz_airbyte_response]=8192 [fuzz_http_request]=8192 [fuzz_change]=2048 [fuzz_report_csv]=4096)

# CC and CXX only matter when the tree is first configured; an existing tree keeps its compiler
# and options (cmake -D changes only the variables it names).
CC=clang CXX=clang++ BUILD_TARGETS=fuzz_targets "$root/scripts/build.sh" "${2:-build-fuzz}" -DTMM_FUZZ=ON

# final NAME LOG: stat::NAME of libFuzzer's final statistics.
final() { grep -a "^stat::$1:" "$2" | grep -o '[0-9]*$' || echo "?"; }
# latest NAME LOG: "NAME: N" of libFuzzer's last status line (cov, ft).
latest() { grep -a ' cov: ' "$2" | tail -n 1 | grep -o " $1: [0-9]*" | grep -o '[0-9]*$' || echo "?"; }

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
failed=0
printf '%-24s %6s %11s %8s %6s %7s %7s %8s\n' target seconds executions exec/s cov ft corpus crashes
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  log="$build/logs/$t.log"
  rm -rf "$corpus" "$artifacts"
  mkdir -p "$corpus" "$artifacts" "$build/logs"
  cp -r "$root/tests/fuzz/corpus/$t/." "$corpus/"
  dict=()
  [ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
  status=0
  "$build/tests/fuzz/$t" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  crashes="$(find "$artifacts" -type f | wc -l)"
  printf '%-24s %6s %11s %8s %6s %7s %7s %8s\n' "$t" "$seconds" "$(final number_of_executed_units "$log")" \
    "$(final average_exec_per_sec "$log")" "$(latest cov "$log")" "$(latest ft "$log")" \
    "$(find "$corpus" -type f | wc -l)" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    echo "fuzz: $t failed (exit $status); the end of $log:" >&2
    tail -n 40 "$log" >&2
    find "$artifacts" -type f -exec echo "fuzz: reproduce with $build/tests/fuzz/$t {}" \; >&2
  fi
done
exit "$failed"
