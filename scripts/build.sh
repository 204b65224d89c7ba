#!/usr/bin/env bash
# Configures and builds into a folder of the repository (default build/). Output goes to stderr.
#   scripts/build.sh [BUILD_DIR] [extra cmake arguments...]
# BUILD_TARGETS="a b" builds only those targets (default: all).
set -euo pipefail
exec 1>&2
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-build}"
shift || true
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# One compiler cache for every checkout on the machine: paths are taken relative to the
# checkout, so a fresh clone (as CI makes) reuses what an earlier build compiled.
export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tiktok-marketing-mcp-ccache}"
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
cmake -S "$root" -B "$root/$dir" "${launcher[@]}" "$@" >/dev/null
targets=()
[ -n "${BUILD_TARGETS:-}" ] && read -r -a names <<<"$BUILD_TARGETS" && targets=(--target "${names[@]}")
cmake --build "$root/$dir" -j "$(nproc)" "${targets[@]}"
