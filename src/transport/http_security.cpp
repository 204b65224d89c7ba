#include "transport/http_security.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "jsonrpc/error_codes.hpp"

namespace transport {

namespace {

constexpr std::string_view kLocalNames[] = {"localhost", "127.0.0.1", "[::1]"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "name", "name:port", "[v6]" or "[v6]:port" -> the name part (brackets kept).
std::string_view host_name(std::string_view authority) {
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    return close == std::string_view::npos ? authority : authority.substr(0, close + 1);
  }
  return authority.substr(0, authority.find(':'));
}

bool is_local_name(std::string_view name) {
  return std::find(std::begin(kLocalNames), std::end(kLocalNames), name) != std::end(kLocalNames);
}

std::string digest(std::string_view text) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), out, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available");
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

// For messages: attacker-controlled text, shortened.
std::string quoted(std::string_view value) {
  return "\"" + std::string(value.substr(0, 100)) + (value.size() > 100 ? "...\"" : "\"");
}

HttpResponse forbidden(std::string message) {
  return json_error(403, jsonrpc::kTransportError, "Forbidden: " + std::move(message));
}

HttpResponse unauthorized(std::string message, std::string challenge) {
  HttpResponse response = json_error(401, jsonrpc::kTransportError, "Unauthorized: " + std::move(message));
  response.headers["WWW-Authenticate"] = std::move(challenge);
  return response;
}

// The token of "Bearer <token>" (scheme case-insensitive), or nullopt for another scheme.
std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size() || lower(authorization.substr(0, scheme.size())) != scheme) {
    return std::nullopt;
  }
  std::string_view token = authorization.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

}  // namespace

void AccessPolicy::allow_host(std::string_view host) {
  if (!host.empty()) hosts_.push_back(lower(host));
}

void AccessPolicy::allow_origin(std::string_view origin) {
  std::string o = lower(origin);
  while (!o.empty() && o.back() == '/') o.pop_back();
  if (!o.empty()) origins_.push_back(std::move(o));
}

void AccessPolicy::require_token(std::string_view token) { token_digest_ = token.empty() ? "" : digest(token); }

bool AccessPolicy::host_allowed(std::string_view host_header) const {
  const std::string host = lower(host_header);
  const std::string_view name = host_name(host);
  if (name.empty()) return false;
  if (is_local_name(name)) return true;
  for (const auto& allowed : hosts_) {
    if (allowed == host || allowed == name) return true;
  }
  return false;
}

bool AccessPolicy::origin_allowed(std::string_view origin_header) const {
  std::string origin = lower(origin_header);
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  if (std::find(origins_.begin(), origins_.end(), origin) != origins_.end()) return true;
  std::string_view rest = origin;
  if (rest.rfind("http://", 0) == 0) {
    rest.remove_prefix(7);
  } else if (rest.rfind("https://", 0) == 0) {
    rest.remove_prefix(8);
  } else {
    return false;  // "null", file:, extensions...
  }
  if (rest.find('/') != std::string_view::npos) return false;  // an origin has no path
  return is_local_name(host_name(rest));
}

bool AccessPolicy::token_matches(std::string_view presented) const {
  if (token_digest_.empty()) return true;
  const std::string presented_digest = digest(presented);
  return CRYPTO_memcmp(presented_digest.data(), token_digest_.data(), token_digest_.size()) == 0;
}

std::optional<HttpResponse> check_access(const AccessPolicy& policy, const HttpRequest& request) {
  const auto host = request.header("Host");
  if (!host || host->empty()) {
    return forbidden("the request has no Host header; HTTP/1.1 clients must send one");
  }
  if (!policy.host_allowed(*host)) {
    return forbidden("the Host header " + quoted(*host) +
                     " is not allowed (DNS rebinding protection). Connect through localhost or 127.0.0.1, or add "
                     "this name to allowed_hosts.");
  }
  if (const auto origin = request.header("Origin"); origin && !policy.origin_allowed(*origin)) {
    return forbidden("the Origin " + quoted(*origin) +
                     " is not allowed (DNS rebinding protection). Add it to allowed_origins if this web page may "
                     "use the server.");
  }
  if (!policy.requires_token()) return std::nullopt;
  const auto authorization = request.header("Authorization");
  if (!authorization) {
    return unauthorized("this server requires the header Authorization: Bearer <token>, with the MCP_AUTH_TOKEN it "
                        "was started with",
                        "Bearer realm=\"mcp\"");
  }
  const auto token = bearer_token(*authorization);
  if (!token || !policy.token_matches(*token)) {
    return unauthorized("the bearer token is missing or not valid; send Authorization: Bearer <token> with the "
                        "server's MCP_AUTH_TOKEN",
                        "Bearer realm=\"mcp\", error=\"invalid_token\"");
  }
  return std::nullopt;
}

bool is_loopback_host(std::string_view host) {
  const std::string h = lower(host);
  return h == "localhost" || h == "::1" || h == "[::1]" || h.rfind("127.", 0) == 0;
}

std::optional<std::string> refuse_to_listen(std::string_view host, bool has_token) {
  if (has_token || is_loopback_host(host)) return std::nullopt;
  return "refusing to listen on " + std::string(host) +
         " without a bearer token: anyone who can reach that address could use this server. Set MCP_AUTH_TOKEN "
         "(clients then send Authorization: Bearer <token>), or listen on 127.0.0.1.";
}

}  // namespace transport
