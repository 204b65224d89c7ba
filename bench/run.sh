#!/usr/bin/env bash
# The benchmarks, in one command: installs what they need (Debian packages, the reference server
# from npm into bench/node_modules), builds in Release into build-bench/, runs the driver against
# the fake TikTok API on loopback, prints the table and writes bench/RESULTS.md.
#   bench/run.sh [--quick] [--no-callgrind]
# --quick: few runs, to check that everything works (figures are rough; RESULTS.md is not written).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

quick=0
driver_args=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1; driver_args+=(--quick) ;;
    --no-callgrind) driver_args+=(--no-callgrind) ;;
    *) echo "bench/run.sh: unknown argument $arg (use --quick or --no-callgrind)" >&2; exit 2 ;;
  esac
done

scripts/deps.sh --tests
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
BUILD_TARGETS="tiktok-marketing-mcp tmm_bench" scripts/build.sh build-bench -DCMAKE_BUILD_TYPE=Release -DTMM_BUILD_TESTS=ON -DTMM_BUILD_BENCH=ON

mkdir -p bench/out
reference=(node "$root/bench/node_modules/@modelcontextprotocol/server-everything/dist/index.js" stdio)
build-bench/bench/tmm_bench --binary "$root/build-bench/tiktok-marketing-mcp" --out bench/out/results.json \
  "${driver_args[@]}" --reference "${reference[@]}"

target=bench/RESULTS.md
[ "$quick" -eq 1 ] && target=bench/out/RESULTS.quick.md
node bench/render.mjs bench/out/results.json "$target" "$(git rev-parse --short HEAD)"
cat "$target"
