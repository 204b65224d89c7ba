#include <catch2/catch.hpp>

#include "net/backoff.hpp"
#include "net/rate_limiter.hpp"

using namespace std::chrono_literals;
using Clock = net::RateLimiter::Clock;

TEST_CASE("a burst up to the per-second limit goes at once; the rest waits for the window to slide") {
  net::RateLimiter limiter(10, 600);
  const auto t0 = Clock::now();
  for (int i = 0; i < 10; ++i) CHECK(limiter.reserve(t0) == Clock::duration::zero());
  // the 11th must come one second (plus a safety margin) after the first, and so the 12th
  const auto first_wait = limiter.reserve(t0);
  CHECK(first_wait >= 1s);
  CHECK(first_wait <= 1200ms);
  CHECK(limiter.reserve(t0) == first_wait);
}

TEST_CASE("no sliding second ever holds more than the limit") {
  net::RateLimiter limiter(5, 600);
  const auto t0 = Clock::now();
  std::vector<Clock::time_point> slots;
  for (int i = 0; i < 40; ++i) {
    auto at = t0 + std::chrono::milliseconds(37 * i);  // callers arrive every 37 ms
    slots.push_back(at + limiter.reserve(at));
  }
  for (std::size_t i = 0; i + 5 < slots.size(); ++i) CHECK(slots[i + 5] - slots[i] >= 1s);
}

TEST_CASE("old grants stop counting once their window has passed") {
  net::RateLimiter limiter(2, 600);
  const auto t0 = Clock::now();
  limiter.reserve(t0);
  limiter.reserve(t0);
  CHECK(limiter.reserve(t0 + 2s) == Clock::duration::zero());
}

TEST_CASE("a fractional rate spaces single requests out") {
  net::RateLimiter limiter(0.5, 600);
  const auto t0 = Clock::now();
  CHECK(limiter.reserve(t0) == Clock::duration::zero());
  CHECK(limiter.reserve(t0) >= 2s);
}

TEST_CASE("the per-minute budget holds when the per-second one would allow more") {
  net::RateLimiter limiter(100, 60);
  const auto t0 = Clock::now();
  int immediate = 0;
  for (int i = 0; i < 100; ++i) immediate += limiter.reserve(t0) == Clock::duration::zero();
  CHECK(immediate == 60);
  CHECK(limiter.reserve(t0) >= 60s);
}

TEST_CASE("acquire gives up at once when cancelled") {
  net::RateLimiter limiter(1, 60);
  std::stop_source stop;
  CHECK(limiter.acquire(stop.get_token()));
  stop.request_stop();
  CHECK_FALSE(limiter.acquire(stop.get_token()));
}

TEST_CASE("backoff grows exponentially, with jitter between half and all of the ceiling, capped") {
  net::BackoffPolicy p{500ms, 4000ms};
  auto low = [] { return 0.0; };
  auto high = [] { return 0.999999; };
  CHECK(net::backoff_delay(p, 1, low) == 250ms);
  CHECK(net::backoff_delay(p, 1, high) == 499ms);
  CHECK(net::backoff_delay(p, 2, low) == 500ms);
  CHECK(net::backoff_delay(p, 3, low) == 1000ms);
  CHECK(net::backoff_delay(p, 10, low) == 2000ms);
  CHECK(net::backoff_delay(p, 10, high) == 3999ms);
  for (int i = 0; i < 100; ++i) {
    double r = net::random_unit();
    CHECK(r >= 0.0);
    CHECK(r < 1.0);
  }
}
