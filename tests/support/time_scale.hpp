#pragma once
// How much longer tests wait on a sanitized build, which runs several times slower:
// scripts/sanitize.sh sets TMM_TEST_TIME_SCALE. A normal build waits exactly what is written.

#include <chrono>
#include <cstdlib>

namespace test {

inline int time_scale() {
  static const int scale = [] {
    const char* text = std::getenv("TMM_TEST_TIME_SCALE");
    const int value = text ? std::atoi(text) : 1;
    return value > 0 ? value : 1;
  }();
  return scale;
}

template <class Rep, class Period>
std::chrono::duration<Rep, Period> scaled(std::chrono::duration<Rep, Period> d) {
  return d * time_scale();
}

}  // namespace test
