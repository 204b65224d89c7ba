#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs the server (stdio by default).
# Without TikTok or Airbyte credentials in the environment it serves the demo account.
#   scripts/run.sh [server flags...]        e.g. scripts/run.sh --transport http --port 8000
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh" build -DTMM_BUILD_TESTS=OFF
args=("$@")
if [ -z "${TIKTOK_MARKETING_ACCESS_TOKEN:-}" ] && [ -z "${AIRBYTE_CLIENT_ID:-}" ] && [ -z "${AIRBYTE_CLIENT_SECRET:-}" ] \
   && [[ " ${args[*]:-} " != *" --config "* ]] && [[ " ${args[*]:-} " != *" --config="* ]]; then
  echo "No TikTok or Airbyte credentials configured: serving the built-in demo account (--demo)." >&2
  args+=(--demo)
fi
exec "$root/build/tiktok-marketing-mcp" "${args[@]}"
