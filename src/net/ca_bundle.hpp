#pragma once
// Where this machine keeps its CA certificates. Debian and Ubuntu, Fedora and RHEL, openSUSE and
// Alpine each use a different file; the MCP bundle's binary runs on any of them.

#include <string>
#include <vector>

namespace net {

// The first of `candidates` that exists; the first candidate when none does (the TLS error then
// names it).
std::string first_existing_file(const std::vector<std::string>& candidates);

// SSL_CERT_FILE when set, else the first known distribution bundle that exists.
std::string system_ca_bundle();

}  // namespace net
