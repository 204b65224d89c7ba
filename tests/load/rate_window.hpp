#pragma once
// The most events that fall within any window of a given length: how the rate limit is
// checked against the times the fake upstream recorded.

#include <chrono>
#include <cstddef>
#include <vector>

namespace load {

// `times` in any order; a window [t, t + length) is counted for every event time t.
std::size_t max_in_window(std::vector<std::chrono::steady_clock::time_point> times,
                          std::chrono::steady_clock::duration length);

}  // namespace load
