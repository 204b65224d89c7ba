#pragma once
// Exponential backoff with jitter: attempt n waits between half and all of
// min(max, initial * 2^(n-1)), so retries from many calls spread out instead of colliding.

#include <chrono>
#include <functional>

namespace net {

struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds maximum{10000};
};

// `unit_random` returns a value in [0, 1); injected so tests are deterministic.
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        const std::function<double()>& unit_random);

// A thread-safe uniform [0, 1) source.
double random_unit();

}  // namespace net
