#!/usr/bin/env bash
# Runs tests on a sanitizer build and fails on any sanitizer report, from the test programs or
# from any server or fake they start (every report is written to BUILD_DIR/sanitizer-logs/).
#   scripts/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer, build-asan/:
#                              the whole suite (CTest, end-to-end, conformance)
#   scripts/sanitize.sh tsan   ThreadSanitizer, build-tsan/: the concurrent tests (CTest)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

case "${1:-}" in
  asan) dir=build-asan; sanitizers=address,undefined ;;
  tsan) dir=build-tsan; sanitizers=thread ;;
  *) echo "usage: scripts/sanitize.sh asan|tsan" >&2; exit 2 ;;
esac

# -O1 keeps the sanitizer builds quick to compile and run; line tables are enough for reports.
scripts/build.sh "$dir" -DTMM_BUILD_TESTS=ON -DTMM_SANITIZE="$sanitizers" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1"

logs="$root/$dir/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
suppressions="$root/tests/sanitizers"
export ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp"
export TSAN_OPTIONS="log_path=$logs/tsan:halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp"

status=0
(cd "$dir" && ctest --output-on-failure -j 2) || status=$?
if [ "$1" = asan ] && [ "$status" -eq 0 ]; then
  scripts/e2e.sh "$dir" || status=$?
  [ "$status" -eq 0 ] && { scripts/conformance.sh "$dir" || status=$?; }
fi

reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
  echo "sanitizer reports ($1):" >&2
  for f in $reports; do echo "--- $f" >&2; cat "$f" >&2; done
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
echo "$1: no sanitizer reports."
