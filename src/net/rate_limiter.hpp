#pragma once
// The client-side rate limit: at most N requests in any sliding second and M in any sliding
// minute (TikTok's default app limits are 10/s and 600/min), so concurrent calls queue up
// here instead of being refused upstream with 40100. A sliding-window log rather than a token
// bucket, because a bucket's burst lets up to twice the rate through in some one-second window.
// Callers reserve the earliest slot that keeps both windows within their limits and wait for
// it; slots are handed out in order.

#include <chrono>
#include <deque>
#include <mutex>
#include <stop_token>

namespace net {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_second may be fractional (0.5 means one request every two seconds).
  RateLimiter(double per_second, int per_minute);

  // Takes the next free slot and returns how long the caller must wait before using it
  // (zero when one is free now). Pure accounting: no sleeping. Thread-safe.
  Clock::duration reserve(Clock::time_point now = Clock::now());

  // Reserves a slot and waits for it; false if stop was requested first.
  bool acquire(const std::stop_token& stop);

 private:
  struct Window {
    std::size_t limit;
    Clock::duration length;
  };
  Clock::time_point earliest_slot(Clock::time_point now) const;

  std::mutex mutex_;
  Window short_;
  Window long_;
  std::deque<Clock::time_point> granted_;  // ascending; reaches into the future for waiting callers
};

// Waits for `duration` unless stop is requested first (then returns false).
bool sleep_for(std::chrono::steady_clock::duration duration, const std::stop_token& stop);

}  // namespace net
