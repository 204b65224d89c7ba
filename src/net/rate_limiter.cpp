#include "net/rate_limiter.hpp"

#include <algorithm>
#include <condition_variable>

namespace net {

RateLimiter::RateLimiter(double per_second, int per_minute)
    : second_{per_second, per_second, per_second},
      minute_{static_cast<double>(per_minute), per_minute / 60.0, static_cast<double>(per_minute)},
      last_(Clock::now()) {}

void RateLimiter::refill(Bucket& bucket, double seconds) {
  bucket.tokens = std::min(bucket.capacity, bucket.tokens + seconds * bucket.rate);
}

RateLimiter::Clock::duration RateLimiter::reserve(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (now > last_) {
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    refill(second_, elapsed);
    refill(minute_, elapsed);
    last_ = now;
  }
  // A bucket below one token is owed (1 - tokens) / rate seconds; the slot is taken now and the
  // balance may go negative, so later callers queue behind this one.
  double wait = 0;
  for (Bucket* b : {&second_, &minute_}) {
    if (b->tokens < 1) wait = std::max(wait, (1 - b->tokens) / b->rate);
  }
  second_.tokens -= 1;
  minute_.tokens -= 1;
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait));
}

bool RateLimiter::acquire(const std::stop_token& stop) {
  if (stop.stop_requested()) return false;
  const auto wait = reserve();
  if (wait <= Clock::duration::zero()) return true;
  return sleep_for(wait, stop);
}

bool sleep_for(std::chrono::steady_clock::duration duration, const std::stop_token& stop) {
  std::mutex m;
  std::condition_variable_any cv;
  std::unique_lock lock(m);
  cv.wait_for(lock, stop, duration, [] { return false; });
  return !stop.stop_requested();
}

}  // namespace net
