#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only those that are missing.
# Everything it prints goes to stderr (the run command's stdout belongs to the protocol).
set -euo pipefail
exec 1>&2

packages=(g++ cmake make pkg-config ccache nlohmann-json3-dev libboost-dev libcpp-httplib-dev libssl-dev
  ca-certificates catch2)
node_and_npm() {
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
}
for group in "$@"; do
  case "$group" in
    --tests) packages+=(clang libclang-rt-14-dev valgrind man-db) && node_and_npm ;;
    --package) packages+=(help2man dpkg-dev file) && node_and_npm ;;  # scripts/package.sh
    *) echo "usage: scripts/deps.sh [--tests] [--package]" && exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
