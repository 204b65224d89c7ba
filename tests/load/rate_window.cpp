#include "load/rate_window.hpp"

#include <algorithm>

namespace load {

std::size_t max_in_window(std::vector<std::chrono::steady_clock::time_point> times,
                          std::chrono::steady_clock::duration length) {
  std::sort(times.begin(), times.end());
  std::size_t best = 0;
  std::size_t first = 0;
  for (std::size_t last = 0; last < times.size(); ++last) {
    while (times[last] - times[first] >= length) ++first;
    best = std::max(best, last - first + 1);
  }
  return best;
}

}  // namespace load
