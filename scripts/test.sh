#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs the unit and integration
# tests (CTest), the end-to-end tests that drive the binary with real MCP clients from npm, the
# official MCP conformance suite, and the packages (built and checked by tests/package/check.sh);
# then all of it again under AddressSanitizer and UndefinedBehaviorSanitizer, each fuzz target
# for a short time, and the CTest programs under ThreadSanitizer.
# Every test runs with canary credentials (tests/support/canaries.hpp, tests/e2e/canaries.mjs);
# the last step fails if any of them shows in the output of a step or in a log the tests keep.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Everything printed from here on is also kept in build/test-logs/test.log, next to the
# server logs the tests write there, for the canary check at the end.
logs="$root/build/test-logs"
rm -rf "$logs"
mkdir -p "$logs"
exec > >(tee "$logs/test.log") 2>&1

step() { printf '\n==> %s  [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }

step "dependencies"
scripts/deps.sh --tests

step "build (build/)"
scripts/build.sh build -DTMM_BUILD_TESTS=ON

step "unit and integration tests"
(cd build && TMM_TEST_LOG_DIR="$logs" ctest --output-on-failure -j 2)

step "end-to-end tests with real MCP clients"
scripts/e2e.sh

step "official MCP conformance suite (Streamable HTTP)"
scripts/conformance.sh build

step "packages: the MCP bundle, the Debian package and server.json, built into dist/ and checked"
TMM_TEST_LOG_DIR="$logs/packages" tests/package/check.sh

step "AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite again (build-asan/)"
scripts/sanitize.sh asan

step "fuzzing: each libFuzzer target for 15 s (build-asan/)"
scripts/fuzz.sh 15 build-asan

step "ThreadSanitizer: the CTest programs again (build-tsan/)"
scripts/sanitize.sh tsan

step "no canary credential in any output or log"
scripts/check-canaries.sh --self-test
scripts/check-canaries.sh "$logs" build/Testing/Temporary/LastTest.log build/conformance \
  build-asan/test-logs build-asan/Testing/Temporary/LastTest.log build-asan/conformance \
  build-tsan/test-logs build-tsan/Testing/Temporary/LastTest.log

echo
echo "All tests passed.  [$(date -u +%H:%M:%S)]"
