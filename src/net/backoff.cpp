#include "net/backoff.hpp"

#include <algorithm>
#include <mutex>
#include <random>

namespace net {

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        const std::function<double()>& unit_random) {
  double ceiling = static_cast<double>(policy.initial.count());
  for (int i = 1; i < attempt && ceiling < policy.maximum.count(); ++i) ceiling *= 2;
  ceiling = std::min(ceiling, static_cast<double>(policy.maximum.count()));
  const double delay = ceiling / 2 + unit_random() * ceiling / 2;
  return std::chrono::milliseconds(static_cast<long long>(delay));
}

double random_unit() {
  static std::mutex mutex;
  static std::mt19937_64 engine{std::random_device{}()};
  std::lock_guard lock(mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace net
