#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs the unit and integration
# tests (CTest) and the end-to-end tests that drive the binary with real MCP clients from npm.
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

echo
echo "All tests passed."
