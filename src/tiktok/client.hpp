#pragma once
// The TikTok Business API client: sends one API call with the Access-Token header, waits for
// the client-side rate limiter, classifies the answer by its body code (never by HTTP status
// alone), and retries transient failures with exponential backoff and jitter within a bounded
// number of attempts and total time. Returns the envelope of a successful call; throws
// execution::UpstreamError otherwise.

#include <chrono>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include <nlohmann/json.hpp>

#include "execution/upstream_error.hpp"
#include "net/backoff.hpp"
#include "net/http_transport.hpp"
#include "net/rate_limiter.hpp"

namespace tiktok {

using nlohmann::json;

struct Envelope {
  long long code = 0;
  std::string message;
  std::string request_id;
  json data;
};

struct RetrySettings {
  int max_attempts = 4;
  std::chrono::milliseconds budget{60000};  // total time spent waiting between attempts
  net::BackoffPolicy backoff;
};

struct ClientOptions {
  std::string base_url;      // e.g. https://business-api.tiktok.com/open_api/v1.3
  std::string access_token;  // may be empty (the demo account needs none)
  RetrySettings retry;
};

// Waits between attempts; false when cancelled. Injected so tests need not sleep.
using Sleeper = std::function<bool(std::chrono::milliseconds, const std::stop_token&)>;

class Client {
 public:
  // Throws std::invalid_argument for a base URL that would send the token over plain http to a
  // host that is not loopback.
  Client(net::HttpTransport& transport, net::RateLimiter* limiter, ClientOptions options, Sleeper sleeper = {});

  Envelope get(const std::string& path, const json& params, const std::stop_token& stop) const;

  const std::string& base_url() const { return options_.base_url; }

 private:
  net::HttpTransport& transport_;
  net::RateLimiter* limiter_;
  ClientOptions options_;
  Sleeper sleeper_;
};

// Classifies one exchange: the envelope when it succeeded, otherwise the error and whether a
// retry may help. Exposed for tests and the fuzzers.
struct Outcome {
  std::optional<Envelope> envelope;
  std::optional<execution::UpstreamError> error;
  bool retryable = false;
};
Outcome interpret(const net::HttpResult& result);

}  // namespace tiktok
