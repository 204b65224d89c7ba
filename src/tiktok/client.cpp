#include "tiktok/client.hpp"

#include "log/logger.hpp"
#include "net/url.hpp"
#include "tiktok/query.hpp"
#include "tiktok/response_codes.hpp"

namespace tiktok {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

UpstreamError make_error(ErrorCategory category, std::string message, std::string next_step, int http_status = 0,
                         std::optional<long long> code = std::nullopt, std::string request_id = {}) {
  UpstreamError::Details d;
  d.category = category;
  d.source = "TikTok";
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  d.http_status = http_status;
  d.code = code;
  d.request_id = std::move(request_id);
  return UpstreamError(std::move(d));
}

std::string sample(const std::string& body) {
  std::string s = body.substr(0, 200);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return body.size() > 200 ? s + "..." : s;
}

Outcome network_failure(const net::HttpResult& r) {
  Outcome o;
  o.retryable = true;
  switch (r.failure) {
    case net::Failure::Timeout:
      o.error = make_error(ErrorCategory::Timeout, "TikTok did not answer in time",
                           "Try again; if it keeps happening, ask for less data (smaller page_size or date range) or "
                           "raise TIKTOK_MARKETING_READ_TIMEOUT_MS.");
      break;
    case net::Failure::Tls:
      o.retryable = false;
      o.error = make_error(ErrorCategory::Network, std::string("TLS failed: ") + r.failure_detail,
                           "Check the system CA certificates (package ca-certificates) and TIKTOK_MARKETING_API_BASE_URL.");
      break;
    case net::Failure::TooLarge:
      o.retryable = false;
      o.error = make_error(ErrorCategory::BadResponse, r.failure_detail,
                           "Ask for less data: a smaller page_size, fewer fields or a shorter date range.");
      break;
    case net::Failure::Cancelled:
      o.retryable = false;
      o.error = make_error(ErrorCategory::Cancelled, "the call was cancelled", "");
      break;
    default:
      o.error = make_error(ErrorCategory::Network,
                           std::string("could not reach TikTok: ") + net::to_string(r.failure) +
                               (r.failure_detail.empty() ? "" : " (" + r.failure_detail + ")"),
                           "Check the network connection and TIKTOK_MARKETING_API_BASE_URL, then try again.");
  }
  return o;
}

Outcome http_failure(const net::HttpResult& r) {
  Outcome o;
  const int s = r.status;
  if (s >= 300 && s < 400) {
    o.error = make_error(ErrorCategory::BadResponse,
                         "unexpected redirect (HTTP " + std::to_string(s) + ") to " + r.header("location").value_or("?"),
                         "Check TIKTOK_MARKETING_API_BASE_URL: it should point at the API itself.", s);
  } else if (s == 429) {
    o.retryable = true;
    o.error = make_error(ErrorCategory::RateLimited, "HTTP 429 Too Many Requests", "Wait a minute and try again.", s);
  } else if (s >= 500) {
    o.retryable = true;
    o.error = make_error(ErrorCategory::Transient, "HTTP " + std::to_string(s) + " from TikTok: " + sample(r.body),
                         "TikTok had a temporary problem: try again in a few minutes.", s);
  } else if (s == 401 || s == 403) {
    o.error = make_error(ErrorCategory::Auth, "HTTP " + std::to_string(s) + ": " + sample(r.body),
                         "Check TIKTOK_MARKETING_ACCESS_TOKEN.", s);
  } else if (s == 404) {
    o.error = make_error(ErrorCategory::BadResponse, "HTTP 404: the endpoint does not exist at this host",
                         "Check TIKTOK_MARKETING_API_BASE_URL (it should end in /open_api/v1.3).", s);
  } else {
    o.error = make_error(ErrorCategory::Upstream, "HTTP " + std::to_string(s) + ": " + sample(r.body),
                         "Check the parameters and TIKTOK_MARKETING_API_BASE_URL.", s);
  }
  return o;
}

}  // namespace

Outcome interpret(const net::HttpResult& r) {
  if (!r.ok()) return network_failure(r);
  // TikTok answers API errors with HTTP 200 and a body code; a non-2xx means the request never
  // reached the API (or a proxy answered), unless the body is still a TikTok envelope.
  json body = json::parse(r.body, nullptr, false);
  const bool envelope = body.is_object() && body.contains("code") && body["code"].is_number_integer();
  if (!envelope) {
    if (r.status < 200 || r.status >= 300) return http_failure(r);
    Outcome o;
    o.retryable = true;  // a cut or garbled body is worth one more try
    o.error = make_error(ErrorCategory::BadResponse,
                         "TikTok's answer is not the API's JSON envelope (" +
                             std::string(r.body.empty() ? "empty body" : "body starts: " + sample(r.body)) + ")",
                         "Try again; if it persists, check TIKTOK_MARKETING_API_BASE_URL.", r.status);
    return o;
  }
  Envelope e;
  e.code = body["code"].get<long long>();
  if (body.contains("message") && body["message"].is_string()) e.message = body["message"];
  if (body.contains("request_id") && body["request_id"].is_string()) e.request_id = body["request_id"];
  if (body.contains("data")) e.data = std::move(body["data"]);
  if (is_success(e.code)) {
    Outcome o;
    o.envelope = std::move(e);
    return o;
  }
  const CodeClass c = classify_code(e.code);
  Outcome o;
  o.retryable = c.retryable;
  o.error = make_error(c.category, e.message.empty() ? "(no message)" : e.message, c.next_step, r.status, e.code,
                       e.request_id);
  return o;
}

Client::Client(net::HttpTransport& transport, net::RateLimiter* limiter, ClientOptions options, Sleeper sleeper)
    : transport_(transport), limiter_(limiter), options_(std::move(options)), sleeper_(std::move(sleeper)) {
  net::BaseUrl base = net::parse_base_url(options_.base_url);
  if (base.scheme == "http" && !net::is_loopback_host(base.host)) {
    throw std::invalid_argument("refusing to send the TikTok token over plain http to " + base.host);
  }
  if (!sleeper_) {
    sleeper_ = [](std::chrono::milliseconds d, const std::stop_token& stop) { return net::sleep_for(d, stop); };
  }
}

Envelope Client::get(const std::string& path, const json& params, const std::stop_token& stop) const {
  net::HttpRequest request;
  request.method = "GET";
  request.base_url = options_.base_url;
  request.path = "/" + path;
  request.query = to_query(params);
  request.headers["Accept"] = "application/json";
  if (!options_.access_token.empty()) request.headers["Access-Token"] = options_.access_token;

  std::chrono::milliseconds waited{0};
  for (int attempt = 1;; ++attempt) {
    if (limiter_ != nullptr && !limiter_->acquire(stop)) {
      throw make_error(ErrorCategory::Cancelled, "the call was cancelled", "");
    }
    Outcome outcome = interpret(transport_.send(request, stop));
    if (outcome.envelope) return std::move(*outcome.envelope);
    UpstreamError::Details details = outcome.error->details();
    details.attempts = attempt;
    const auto delay = net::backoff_delay(options_.retry.backoff, attempt, net::random_unit);
    const bool retry = outcome.retryable && attempt < options_.retry.max_attempts && !stop.stop_requested() &&
                       waited + delay <= options_.retry.budget;
    if (!retry) throw UpstreamError(std::move(details));
    logging::debug("tiktok", path + ": attempt " + std::to_string(attempt) + " failed (" + outcome.error->what() +
                                 "); retrying in " + std::to_string(delay.count()) + " ms");
    waited += delay;
    if (!sleeper_(delay, stop)) throw make_error(ErrorCategory::Cancelled, "the call was cancelled", "");
  }
}

}  // namespace tiktok
