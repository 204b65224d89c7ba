#include "net/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>

namespace net {

namespace {

// Requests reach the upstream a little after their slot (connection set-up, scheduling); the
// windows are kept this much longer so that the upstream's own count never sees too many.
constexpr auto kArrivalMargin = std::chrono::milliseconds(100);

RateLimiter::Clock::duration seconds(double s) {
  return std::chrono::duration_cast<RateLimiter::Clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace

RateLimiter::RateLimiter(double per_second, int per_minute) {
  // N requests per N/rate seconds: for rates of one or more that is N per second; for a
  // fractional rate, one request per 1/rate seconds.
  const std::size_t n = per_second >= 1 ? static_cast<std::size_t>(std::floor(per_second)) : 1;
  short_ = {n, seconds(static_cast<double>(n) / per_second) + kArrivalMargin};
  long_ = {static_cast<std::size_t>(std::max(1, per_minute)), std::chrono::minutes(1) + kArrivalMargin};
}

RateLimiter::Clock::time_point RateLimiter::earliest_slot(Clock::time_point now) const {
  Clock::time_point slot = now;
  if (!granted_.empty()) slot = std::max(slot, granted_.back());
  for (const Window* w : {&short_, &long_}) {
    // The slot must be at least one window after the limit-th most recent grant.
    if (granted_.size() >= w->limit) slot = std::max(slot, granted_[granted_.size() - w->limit] + w->length);
  }
  return slot;
}

RateLimiter::Clock::duration RateLimiter::reserve(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  while (!granted_.empty() && granted_.front() + long_.length <= now) granted_.pop_front();
  const Clock::time_point slot = earliest_slot(now);
  granted_.push_back(slot);
  return slot - now;
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
