#pragma once
// The Airbyte agent API over HTTP: JSON requests with the application token as a Bearer
// header (and X-Organization-Id when an organization is configured). A 401 drops the cached
// token, fetches a fresh one and repeats the call once; everything else that fails becomes an
// execution::UpstreamError (see api_error.hpp), after the retries the shared upstream core
// allows (upstream/retry_loop.hpp): a 429 and a refused connection always, a 5xx or a broken
// exchange only for idempotent calls.

#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "airbyte/token_cache.hpp"
#include "net/http_transport.hpp"
#include "upstream/retry_loop.hpp"
#include "upstream/retry_policy.hpp"
#include "upstream/sleeper.hpp"

namespace airbyte {

using nlohmann::json;

struct ApiRequest {
  std::string method = "GET";
  std::string path;  // "/api/v1/integrations/connectors"
  std::vector<std::pair<std::string, std::string>> query;
  std::optional<json> body;
  // NonIdempotent for creates: never repeated once Airbyte may have received them.
  upstream::Idempotency idempotency = upstream::Idempotency::Idempotent;
  std::string what;  // "list connectors": names the call in errors
};

struct ApiResponse {
  int status = 0;
  json body;  // null for an empty body
  std::string request_id;
};

struct ApiOptions {
  std::string base_url;         // https://api.airbyte.ai, no trailing slash
  std::string organization_id;  // sent as X-Organization-Id when set
  upstream::RetryPolicy retry;
};

class ApiClient {
 public:
  // Throws std::invalid_argument for a base URL that would send credentials over plain http
  // to a host that is not loopback. An empty sleeper means upstream::real_sleeper(). Thread-safe.
  ApiClient(net::HttpTransport& transport, TokenCache& tokens, ApiOptions options, upstream::Sleeper sleeper = {});

  // Throws execution::UpstreamError for any failure; returns 2xx answers only.
  ApiResponse call(const ApiRequest& request, const std::stop_token& stop) const;

  const std::string& base_url() const { return options_.base_url; }
  TokenCache& tokens() const { return tokens_; }

 private:
  net::HttpTransport& transport_;
  TokenCache& tokens_;
  ApiOptions options_;
  upstream::RetryLoop loop_;
};

struct ApplicationCredentials {
  std::string client_id;
  std::string client_secret;
};

// POST /api/v1/account/applications/token: exchanges the application credentials for a
// token, which is registered for redaction before it is returned. Retried as a read (it
// creates nothing a repeat would duplicate). Throws UpstreamError.
AccessToken exchange_token(net::HttpTransport& transport, const ApiOptions& options,
                           const ApplicationCredentials& credentials, const upstream::Sleeper& sleeper,
                           const std::stop_token& stop);

}  // namespace airbyte
