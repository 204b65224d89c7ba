#pragma once
// How persistently one upstream call is retried: at most max_attempts attempts (the first
// included), at most budget spent waiting between them, each wait drawn from the backoff
// unless the upstream named one. Idempotency says whether repeating the call is harmless
// even when an earlier attempt may have taken effect.

#include <chrono>

#include "net/backoff.hpp"

namespace upstream {

enum class Idempotency { Idempotent, NonIdempotent };

struct RetryPolicy {
  int max_attempts = 4;
  std::chrono::milliseconds budget{60000};  // total time spent waiting between attempts
  net::BackoffPolicy backoff;
};

}  // namespace upstream
