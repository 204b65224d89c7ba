#include "airbyte/retry.hpp"

#include "airbyte/api_error.hpp"
#include "execution/upstream_error.hpp"
#include "log/logger.hpp"

namespace airbyte {

namespace {

bool retryable(const net::HttpResult& r, bool idempotent) {
  if (!r.ok()) {
    switch (r.failure) {
      case net::Failure::ConnectFailed: return true;  // nothing was sent
      case net::Failure::Timeout:
      case net::Failure::ConnectionLost:
      case net::Failure::Other: return idempotent;
      default: return false;
    }
  }
  if (r.status == 429) return true;  // refused before any effect
  return r.status >= 500 && idempotent;
}

std::string outcome(const net::HttpResult& r) {
  return r.ok() ? "HTTP " + std::to_string(r.status) : std::string(net::to_string(r.failure));
}

}  // namespace

std::optional<std::chrono::milliseconds> retry_delay(const net::HttpResult& result, bool idempotent, int attempt,
                                                     const RetryPolicy& policy) {
  if (!retryable(result, idempotent) || attempt >= policy.max_attempts) return std::nullopt;
  if (result.ok() && (result.status == 429 || result.status == 503)) {
    if (auto wait = retry_after(result)) return *wait;
  }
  return net::backoff_delay(policy.backoff, attempt, net::random_unit);
}

Sent send_with_retries(net::HttpTransport& transport, const net::HttpRequest& request, bool idempotent,
                       const RetryPolicy& policy, const Sleeper& sleeper, const std::stop_token& stop) {
  std::chrono::milliseconds waited{0};
  for (int attempt = 1;; ++attempt) {
    Sent sent{transport.send(request, stop), attempt};
    if (stop.stop_requested()) return sent;
    auto delay = retry_delay(sent.result, idempotent, attempt, policy);
    if (!delay || waited + *delay > policy.budget) return sent;
    logging::debug("airbyte", request.method + " " + request.path + ": attempt " + std::to_string(attempt) + " got " +
                                  outcome(sent.result) + "; retrying in " + std::to_string(delay->count()) + " ms");
    waited += *delay;
    if (!sleeper(*delay, stop)) {
      execution::UpstreamError::Details d;
      d.category = execution::ErrorCategory::Cancelled;
      d.message = "the call was cancelled";
      throw execution::UpstreamError(std::move(d));
    }
  }
}

}  // namespace airbyte
