#pragma once
// Sends one Airbyte API request, retrying what is safe to retry: a 429 (after Retry-After,
// or backoff) and a connection that could not be opened, always; a 5xx or a connection that
// broke after the request went out, only for idempotent calls, since repeating a create that
// Airbyte may have received could create a second connector. Bounded by attempts and by a
// total waiting budget; the waits go through an injected sleeper so tests need not sleep.

#include <chrono>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include "net/backoff.hpp"
#include "net/http_transport.hpp"

namespace airbyte {

struct RetryPolicy {
  int max_attempts = 4;                        // first try included
  std::chrono::milliseconds budget{60000};     // total time spent waiting between attempts
  net::BackoffPolicy backoff;
};

// Waits between attempts; false when cancelled.
using Sleeper = std::function<bool(std::chrono::milliseconds, const std::stop_token&)>;

struct Sent {
  net::HttpResult result;  // the last answer or failure
  int attempts = 0;
};

// The wait before attempt `attempt + 1` after `result`, or nullopt when it must not be retried.
std::optional<std::chrono::milliseconds> retry_delay(const net::HttpResult& result, bool idempotent, int attempt,
                                                     const RetryPolicy& policy);

// Throws a cancelled execution::UpstreamError when stop is requested during a wait.
Sent send_with_retries(net::HttpTransport& transport, const net::HttpRequest& request, bool idempotent,
                       const RetryPolicy& policy, const Sleeper& sleeper, const std::stop_token& stop);

}  // namespace airbyte
