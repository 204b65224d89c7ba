#pragma once
// Who may talk to the HTTP transports. Checked on every request before anything else, over
// the request headers alone:
//   1. Host must name this server (DNS rebinding: a hostile page whose name resolves to
//      127.0.0.1 still sends its own name) -> 403
//   2. Origin, when present, must be an allowed origin (browsers send it) -> 403
//   3. With a token configured, Authorization: Bearer <token> must match -> 401 with
//      WWW-Authenticate
// Localhost names (localhost, 127.0.0.1, [::1], any port) are always allowed; more come
// from configuration.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "transport/http_message.hpp"

namespace transport {

class AccessPolicy {
 public:
  // Host names (with an optional ":port") accepted besides the localhost names.
  void allow_host(std::string_view host);
  // Origins ("https://app.example.com[:port]") accepted besides localhost origins.
  void allow_origin(std::string_view origin);
  // Requires Authorization: Bearer <token>. Only a SHA-256 digest of the token is kept.
  void require_token(std::string_view token);

  bool host_allowed(std::string_view host_header) const;
  bool origin_allowed(std::string_view origin) const;
  // Compares in constant time (digests of equal length), so timing reveals nothing.
  bool token_matches(std::string_view presented) const;
  bool requires_token() const { return !token_digest_.empty(); }

 private:
  std::vector<std::string> hosts_;    // lowercase
  std::vector<std::string> origins_;  // lowercase, no trailing slash
  std::string token_digest_;          // empty: no token required
};

// The first check the request fails, as a ready JSON-RPC error response; nullopt when it
// may proceed.
std::optional<HttpResponse> check_access(const AccessPolicy& policy, const HttpRequest& request);

// True for localhost, 127.0.0.0/8 and ::1 (with or without brackets).
bool is_loopback_host(std::string_view host);

// Why the server must not listen on `host` (a non-loopback address without a token), or
// nullopt when it may.
std::optional<std::string> refuse_to_listen(std::string_view host, bool has_token);

}  // namespace transport
