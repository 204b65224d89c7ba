#include "upstream/sleeper.hpp"

#include "net/rate_limiter.hpp"

namespace upstream {

Sleeper real_sleeper() {
  return [](std::chrono::milliseconds duration, const std::stop_token& stop) { return net::sleep_for(duration, stop); };
}

}  // namespace upstream
