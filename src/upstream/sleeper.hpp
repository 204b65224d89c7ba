#pragma once
// The wait between two attempts of an upstream call, injected so tests need not sleep.

#include <chrono>
#include <functional>
#include <stop_token>

namespace upstream {

// Waits `duration`; returns false when stop was requested before it ran out.
using Sleeper = std::function<bool(std::chrono::milliseconds duration, const std::stop_token& stop)>;

// The real wait, net::sleep_for.
Sleeper real_sleeper();

}  // namespace upstream
