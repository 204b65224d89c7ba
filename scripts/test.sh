#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs the unit and integration
# tests (CTest), the end-to-end tests that drive the binary with real MCP clients from npm, and
# the official MCP conformance suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

step "dependencies"
scripts/deps.sh --tests

step "build (build/)"
scripts/build.sh build -DTMM_BUILD_TESTS=ON

step "unit and integration tests"
(cd build && ctest --output-on-failure -j 2)

step "end-to-end tests with real MCP clients"
scripts/e2e.sh

step "official MCP conformance suite (Streamable HTTP)"
scripts/conformance.sh build

step "fuzzing: each libFuzzer target for 15 s (build-fuzz/)"
scripts/fuzz.sh 15

echo
echo "All tests passed."
