#pragma once
// The TikTok Business API client: sends one API call with the Access-Token header, waits for
// the client-side rate limiter before each attempt, classifies the answer by its body code
// (never by HTTP status alone), and leaves retrying to the shared upstream core
// (upstream/retry_loop.hpp): within a bounded number of attempts and total waiting time,
// honouring Retry-After, and repeating a non-idempotent call only when nothing can have
// taken effect. Returns the envelope of a successful call; throws execution::UpstreamError
// otherwise.

#include <optional>
#include <stop_token>
#include <string>

#include <nlohmann/json.hpp>

#include "execution/upstream_error.hpp"
#include "net/http_transport.hpp"
#include "net/rate_limiter.hpp"
#include "upstream/attempt.hpp"
#include "upstream/retry_loop.hpp"
#include "upstream/retry_policy.hpp"
#include "upstream/sleeper.hpp"

namespace tiktok {

using nlohmann::json;

struct Envelope {
  long long code = 0;  // a success is kOk or kPartialOk (see is_success)
  std::string message;
  std::string request_id;
  json data;
};

struct ClientOptions {
  std::string base_url;      // e.g. https://business-api.tiktok.com/open_api/v1.3
  std::string access_token;  // may be empty (the demo account needs none)
  upstream::RetryPolicy retry;
};

struct Outcome;

class Client {
 public:
  // Throws std::invalid_argument for a base URL that would send the token over plain http to a
  // host that is not loopback. An empty sleeper means upstream::real_sleeper(). Thread-safe.
  Client(net::HttpTransport& transport, net::RateLimiter* limiter, ClientOptions options,
         upstream::Sleeper sleeper = {});

  // GET base_url/path with `params` as the query; reads are idempotent.
  Envelope get(const std::string& path, const json& params, const std::stop_token& stop) const;

  // GET of an endpoint that answers with raw text when it succeeds (report/task/download/
  // returns the CSV itself), with the same retries and error classification: a JSON envelope
  // with an error code throws as get() does, and one with a success code is a BadResponse.
  std::string get_text(const std::string& path, const json& params, const std::stop_token& stop) const;

  // The wait the retries use, for callers that poll (an async report task).
  const upstream::Sleeper& sleeper() const { return sleeper_; }

  // POST base_url/path with `body` as JSON. A NonIdempotent call (a create) is repeated only
  // after a failure that cannot have taken effect (connection refused, HTTP 429, a rate-limit
  // code); when it fails after it may have, the error has outcome_unknown set.
  Envelope post(const std::string& path, const json& body, upstream::Idempotency idempotency,
                const std::stop_token& stop) const;

  const std::string& base_url() const { return options_.base_url; }

 private:
  net::HttpRequest request_for(const std::string& method, const std::string& path) const;
  using Interpreter = Outcome (*)(const net::HttpResult& result);
  Envelope send(const net::HttpRequest& request, upstream::Idempotency idempotency, const std::stop_token& stop,
                Interpreter interpreter) const;

  net::HttpTransport& transport_;
  net::RateLimiter* limiter_;
  ClientOptions options_;
  upstream::Sleeper sleeper_;
  upstream::RetryLoop loop_;
};

// Classifies one exchange: the envelope when it succeeded, otherwise the error and what the
// retry loop may do about it. Exposed for tests and the fuzzers.
struct Outcome {
  std::optional<Envelope> envelope;
  std::optional<execution::UpstreamError> error;
  upstream::Attempt attempt;
};
Outcome interpret(const net::HttpResult& result);
// The same for an endpoint whose success is raw text: the envelope's data is then that text.
Outcome interpret_text(const net::HttpResult& result);

}  // namespace tiktok
