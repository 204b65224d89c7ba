#include "net/ca_bundle.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace net {

std::string first_existing_file(const std::vector<std::string>& candidates) {
  for (const auto& path : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return candidates.empty() ? std::string() : candidates.front();
}

std::string system_ca_bundle() {
  // OpenSSL's own variable for "use this bundle", honoured the way OpenSSL tools honour it.
  if (const char* file = std::getenv("SSL_CERT_FILE"); file != nullptr && *file != '\0') return file;
  return first_existing_file({"/etc/ssl/certs/ca-certificates.crt",   // Debian, Ubuntu, Arch, Alpine
                              "/etc/pki/tls/certs/ca-bundle.crt",     // Fedora, RHEL, CentOS
                              "/etc/ssl/ca-bundle.pem",               // openSUSE
                              "/etc/ssl/cert.pem"});                  // Alpine, macOS-style layouts
}

}  // namespace net
