#include "upstream/retry_loop.hpp"

#include "log/logger.hpp"

namespace upstream {

RetryLoop::RetryLoop(Source source, RetryPolicy policy, Sleeper sleeper)
    : source_(std::move(source)), policy_(policy), sleeper_(sleeper ? std::move(sleeper) : real_sleeper()) {}

int RetryLoop::run(const std::string& what, Idempotency idempotency, const std::stop_token& stop,
                   const std::function<Attempt(int attempt)>& attempt) const {
  std::chrono::milliseconds waited{0};
  for (int n = 1;; ++n) {
    const Attempt a = attempt(n);
    if (!may_retry(a.verdict, idempotency) || n >= policy_.max_attempts || stop.stop_requested()) return n;
    const auto delay = a.retry_after ? *a.retry_after : net::backoff_delay(policy_.backoff, n, net::random_unit);
    if (waited + delay > policy_.budget) return n;
    logging::debug(source_.log_component, what + ": attempt " + std::to_string(n) + " failed (" + a.note +
                                              "); retrying in " + std::to_string(delay.count()) + " ms");
    waited += delay;
    if (!sleeper_(delay, stop)) throw cancelled(source_);
  }
}

}  // namespace upstream
