#include "tiktok/client.hpp"

#include <stdexcept>

#include "net/url.hpp"
#include "tiktok/query.hpp"
#include "tiktok/response_codes.hpp"
#include "upstream/source_errors.hpp"

namespace tiktok {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;
using upstream::Verdict;

const upstream::Source& source() {
  static const upstream::Source s{
      .name = "TikTok",
      .log_component = "tiktok",
      .base_url_setting = "TIKTOK_MARKETING_API_BASE_URL",
      .timeout_step = "Try again; if it keeps happening, ask for less data (smaller page_size or date range) or "
                      "raise TIKTOK_MARKETING_READ_TIMEOUT_MS.",
      .too_large_step = "Ask for less data: a smaller page_size, fewer fields or a shorter date range.",
  };
  return s;
}

UpstreamError::Details details(ErrorCategory category, std::string message, std::string next_step, int http_status) {
  UpstreamError::Details d = upstream::error_details(source(), category, std::move(message), std::move(next_step));
  d.http_status = http_status;
  return d;
}

Outcome failure(UpstreamError::Details d, upstream::Attempt attempt) {
  Outcome o;
  o.error = UpstreamError(std::move(d));
  attempt.note = o.error->what();
  o.attempt = std::move(attempt);
  return o;
}

// A non-2xx answer whose body is not a TikTok envelope: a proxy or the web server answered.
UpstreamError::Details status_details(const net::HttpResult& r) {
  const int s = r.status;
  const std::string http = "HTTP " + std::to_string(s);
  if (auto shared = upstream::shared_status(source(), r)) {
    std::string message = s < 400    ? "unexpected redirect (" + http + ") to " + r.header("location").value_or("?")
                          : s == 429 ? http + " Too Many Requests"
                                     : http + " from TikTok: " + upstream::sample(r.body);
    return details(shared->category, std::move(message), std::move(shared->next_step), s);
  }
  if (s == 401 || s == 403) {
    return details(ErrorCategory::Auth, http + ": " + upstream::sample(r.body), "Check TIKTOK_MARKETING_ACCESS_TOKEN.",
                   s);
  }
  if (s == 404) {
    return details(ErrorCategory::BadResponse, "HTTP 404: the endpoint does not exist at this host",
                   "Check TIKTOK_MARKETING_API_BASE_URL (it should end in /open_api/v1.3).", s);
  }
  return details(ErrorCategory::Upstream, http + ": " + upstream::sample(r.body),
                 "Check the parameters and TIKTOK_MARKETING_API_BASE_URL.", s);
}

Outcome garbled(const net::HttpResult& r) {
  upstream::Attempt attempt = upstream::classify(r);
  attempt.verdict = Verdict::RetryIfIdempotent;  // a cut body is worth another try, if repeating is harmless
  return failure(details(ErrorCategory::BadResponse,
                         "TikTok's answer is not the API's JSON envelope (" +
                             std::string(r.body.empty() ? "empty body" : "body starts: " + upstream::sample(r.body)) +
                             ")",
                         "Try again; if it persists, check TIKTOK_MARKETING_API_BASE_URL.", r.status),
                 std::move(attempt));
}

}  // namespace

Outcome interpret(const net::HttpResult& r) {
  if (!r.ok()) return failure(upstream::network_failure(source(), r), upstream::classify(r));
  // TikTok answers API errors with HTTP 200 and a body code; a non-2xx means the request never
  // reached the API (or a proxy answered), unless the body is still a TikTok envelope.
  json body = json::parse(r.body, nullptr, false);
  const bool envelope = body.is_object() && body.contains("code") && body["code"].is_number_integer();
  if (!envelope) {
    if (r.status < 200 || r.status >= 300) return failure(status_details(r), upstream::classify(r));
    return garbled(r);
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
  upstream::Attempt attempt = upstream::classify(r);  // keeps the Retry-After of a 429 or 503
  attempt.verdict = c.verdict;
  UpstreamError::Details d = details(c.category, e.message.empty() ? "(no message)" : e.message, c.next_step, r.status);
  d.code = e.code;
  d.request_id = e.request_id;
  return failure(std::move(d), std::move(attempt));
}

Outcome interpret_text(const net::HttpResult& r) {
  if (!r.ok()) return interpret(r);
  json body = json::parse(r.body, nullptr, false);
  const bool envelope = body.is_object() && body.contains("code") && body["code"].is_number_integer();
  if (!envelope) {
    if (r.status < 200 || r.status >= 300) return interpret(r);
    Outcome o;
    o.envelope = Envelope{};
    o.envelope->data = r.body;
    return o;
  }
  Outcome o = interpret(r);
  if (!o.envelope) return o;
  upstream::Attempt attempt = upstream::classify(r);
  attempt.verdict = Verdict::Done;
  return failure(details(ErrorCategory::BadResponse,
                         "TikTok answered with a JSON envelope where this endpoint's raw text was expected (data "
                         "starts: " + upstream::sample(o.envelope->data.dump()) + ")",
                         "Try again; if it persists, check TIKTOK_MARKETING_API_BASE_URL.", r.status),
                 std::move(attempt));
}

Client::Client(net::HttpTransport& transport, net::RateLimiter* limiter, ClientOptions options,
               upstream::Sleeper sleeper)
    : transport_(transport),
      limiter_(limiter),
      options_(std::move(options)),
      sleeper_(sleeper ? std::move(sleeper) : upstream::real_sleeper()),
      loop_(source(), options_.retry, sleeper_) {
  net::BaseUrl base = net::parse_base_url(options_.base_url);
  if (base.scheme == "http" && !net::is_loopback_host(base.host)) {
    throw std::invalid_argument("refusing to send the TikTok token over plain http to " + base.host);
  }
}

Envelope Client::get(const std::string& path, const json& params, const std::stop_token& stop) const {
  net::HttpRequest request = request_for("GET", path);
  request.query = to_query(params);
  return send(request, upstream::Idempotency::Idempotent, stop, interpret);
}

std::string Client::get_text(const std::string& path, const json& params, const std::stop_token& stop) const {
  net::HttpRequest request = request_for("GET", path);
  request.query = to_query(params);
  request.headers["Accept"] = "text/csv, application/json";
  Envelope envelope = send(request, upstream::Idempotency::Idempotent, stop, interpret_text);
  return std::move(envelope.data.get_ref<std::string&>());
}

Envelope Client::post(const std::string& path, const json& body, upstream::Idempotency idempotency,
                      const std::stop_token& stop) const {
  net::HttpRequest request = request_for("POST", path);
  request.body = body.dump();
  request.content_type = "application/json";
  return send(request, idempotency, stop, interpret);
}

net::HttpRequest Client::request_for(const std::string& method, const std::string& path) const {
  net::HttpRequest request;
  request.method = method;
  request.base_url = options_.base_url;
  request.path = "/" + path;
  request.headers["Accept"] = "application/json";
  if (!options_.access_token.empty()) request.headers["Access-Token"] = options_.access_token;
  return request;
}

Envelope Client::send(const net::HttpRequest& request, upstream::Idempotency idempotency, const std::stop_token& stop,
                      Interpreter interpreter) const {
  Outcome outcome;
  const int attempts = loop_.run(request.method + " " + request.path, idempotency, stop, [&](int) {
    if (limiter_ != nullptr && !limiter_->acquire(stop)) throw upstream::cancelled(source());
    outcome = interpreter(transport_.send(request, stop));
    return outcome.attempt;
  });
  if (outcome.envelope) return std::move(*outcome.envelope);
  UpstreamError::Details d = outcome.error->details();
  d.attempts = attempts;
  // A write that ended after it may have reached TikTok has an unknown outcome, whether or not
  // repeating it was allowed (an idempotent update can still time out on every attempt).
  d.outcome_unknown = request.method != "GET" && outcome.attempt.verdict == upstream::Verdict::RetryIfIdempotent;
  throw UpstreamError(std::move(d));
}

}  // namespace tiktok
