#pragma once
// Runs the attempts of one upstream call (after google-cloud-cpp's RetryLoop). After each
// failed attempt it retries when the attempt's verdict allows it for the call's idempotency,
// attempts remain, stop was not requested, and the wait (Retry-After when the upstream gave
// one, else jittered backoff) keeps the total waited within the budget. Each retry is logged
// at debug level under the source's component. Thread-safe: a loop holds no state of a call.

#include <functional>
#include <stop_token>
#include <string>

#include "upstream/attempt.hpp"
#include "upstream/retry_policy.hpp"
#include "upstream/sleeper.hpp"
#include "upstream/source_errors.hpp"

namespace upstream {

class RetryLoop {
 public:
  // An empty sleeper means real_sleeper().
  RetryLoop(Source source, RetryPolicy policy, Sleeper sleeper = {});

  // Calls attempt(1), attempt(2), ... and returns how many it made; the caller keeps what the
  // last one produced. `what` names the call in the log ("GET campaign/get/"). Exceptions
  // from `attempt` pass through; a wait cut short by stop throws a Cancelled UpstreamError.
  int run(const std::string& what, Idempotency idempotency, const std::stop_token& stop,
          const std::function<Attempt(int attempt)>& attempt) const;

  const Source& source() const { return source_; }
  const RetryPolicy& policy() const { return policy_; }

 private:
  Source source_;
  RetryPolicy policy_;
  Sleeper sleeper_;
};

}  // namespace upstream
