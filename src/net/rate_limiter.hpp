#pragma once
// A client-side token bucket with a per-second and a per-minute budget (TikTok's default app
// limits are 10 requests/s and 600/min), so concurrent calls queue up here instead of being
// refused upstream with 40100. Callers reserve a slot and wait for their turn, in order.

#include <chrono>
#include <mutex>
#include <stop_token>

namespace net {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(double per_second, int per_minute);

  // Takes the next free slot and returns how long the caller must wait before using it
  // (zero when a token is free now). Pure accounting: no sleeping. Thread-safe.
  Clock::duration reserve(Clock::time_point now = Clock::now());

  // Reserves a slot and waits for it; false if stop was requested first.
  bool acquire(const std::stop_token& stop);

 private:
  struct Bucket {
    double capacity;
    double rate;  // tokens per second
    double tokens;
  };
  void refill(Bucket& bucket, double seconds);

  std::mutex mutex_;
  Bucket second_;
  Bucket minute_;
  Clock::time_point last_;
};

// Waits for `duration` unless stop is requested first (then returns false).
bool sleep_for(std::chrono::steady_clock::duration duration, const std::stop_token& stop);

}  // namespace net
