#include "airbyte/api_client.hpp"

#include <algorithm>
#include <stdexcept>

#include "airbyte/api_error.hpp"
#include "execution/upstream_error.hpp"
#include "log/logger.hpp"
#include "log/redactor.hpp"
#include "net/url.hpp"
#include "upstream/attempt.hpp"

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

constexpr const char* kTokenPath = "/api/v1/account/applications/token";

net::HttpRequest to_http(const ApiOptions& options, const ApiRequest& request) {
  net::HttpRequest http;
  http.method = request.method;
  http.base_url = options.base_url;
  http.path = request.path;
  http.query = request.query;
  http.headers["Accept"] = "application/json";
  if (!options.organization_id.empty()) http.headers["X-Organization-Id"] = options.organization_id;
  if (request.body) {
    http.body = request.body->dump();
    http.content_type = "application/json";
  }
  return http;
}

struct Sent {
  net::HttpResult result;  // the last answer or failure
  int attempts = 0;
};

Sent send(const upstream::RetryLoop& loop, net::HttpTransport& transport, const net::HttpRequest& http,
          upstream::Idempotency idempotency, const std::stop_token& stop) {
  Sent sent;
  sent.attempts = loop.run(http.method + " " + http.path, idempotency, stop, [&](int) {
    sent.result = transport.send(http, stop);
    return upstream::classify(sent.result);
  });
  return sent;
}

[[noreturn]] void bad_response(const ErrorContext& context, const net::HttpResult& r, std::string message) {
  UpstreamError::Details d = upstream::error_details(
      airbyte_source(), ErrorCategory::BadResponse, context.what + ": " + std::move(message),
      "Try again; if it persists, check AIRBYTE_API_BASE_URL (it should point at the Airbyte API).");
  d.http_status = r.status;
  d.attempts = context.attempts;
  d.request_id = r.header("x-request-id").value_or("");
  // A 2xx says Airbyte acted on the request; an answer that cannot be read leaves it unknown how.
  d.outcome_unknown = context.idempotency == upstream::Idempotency::NonIdempotent;
  throw UpstreamError(std::move(d));
}

ApiResponse decode(const net::HttpResult& r, const ErrorContext& context) {
  if (!r.ok() || r.status < 200 || r.status >= 300) throw api_error(r, context);
  ApiResponse out;
  out.status = r.status;
  out.request_id = r.header("x-request-id").value_or("");
  if (r.body.empty()) return out;
  out.body = json::parse(r.body, nullptr, false);
  if (out.body.is_discarded()) bad_response(context, r, "the answer is not JSON");
  return out;
}

}  // namespace

ApiClient::ApiClient(net::HttpTransport& transport, TokenCache& tokens, ApiOptions options, upstream::Sleeper sleeper)
    : transport_(transport),
      tokens_(tokens),
      options_(std::move(options)),
      loop_(airbyte_source(), options_.retry, std::move(sleeper)) {
  net::BaseUrl base = net::parse_base_url(options_.base_url);
  if (base.scheme == "http" && !net::is_loopback_host(base.host)) {
    throw std::invalid_argument("refusing to send Airbyte credentials over plain http to " + base.host);
  }
}

ApiResponse ApiClient::call(const ApiRequest& request, const std::stop_token& stop) const {
  for (int round = 1;; ++round) {
    const std::string token = tokens_.get(stop);
    net::HttpRequest http = to_http(options_, request);
    http.headers["Authorization"] = "Bearer " + token;
    const Sent sent = send(loop_, transport_, http, request.idempotency, stop);
    if (sent.result.ok() && sent.result.status == 401 && round == 1) {
      logging::debug("airbyte", request.what + ": the token was refused (HTTP 401); fetching a new one");
      tokens_.invalidate(token);
      continue;
    }
    return decode(sent.result, {request.what, sent.attempts, request.idempotency});
  }
}

AccessToken exchange_token(net::HttpTransport& transport, const ApiOptions& options,
                           const ApplicationCredentials& credentials, const upstream::Sleeper& sleeper,
                           const std::stop_token& stop) {
  ApiRequest request;
  request.method = "POST";
  request.path = kTokenPath;
  request.body = json{{"client_id", credentials.client_id}, {"client_secret", credentials.client_secret}};
  request.what = "get an application token";
  ApiOptions plain = options;
  plain.organization_id.clear();
  const upstream::RetryLoop loop(airbyte_source(), options.retry, sleeper);
  const Sent sent = send(loop, transport, to_http(plain, request), request.idempotency, stop);
  const ErrorContext context{request.what, sent.attempts, request.idempotency};
  ApiResponse response = decode(sent.result, context);
  const json& body = response.body;
  if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
      body["access_token"].get<std::string>().empty()) {
    bad_response(context, sent.result, "the answer has no access_token");
  }
  AccessToken token;
  token.value = body["access_token"].get<std::string>();
  logging::add_secret(token.value);
  if (body.contains("expires_in") && body["expires_in"].is_number()) {
    // Read as a double and capped at a day (then the token is simply refreshed daily): a float
    // beyond long long, or a lifetime in nanoseconds beyond the clock's range, is undefined.
    const double seconds = std::clamp(body["expires_in"].get<double>(), 0.0, 24.0 * 60 * 60);
    token.expires_in = std::chrono::seconds(static_cast<long long>(seconds));
  }
  logging::debug("airbyte", "got an application token valid for " + std::to_string(token.expires_in.count()) + " s");
  return token;
}

}  // namespace airbyte
