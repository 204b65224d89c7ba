#include "stats.hpp"

#include <algorithm>
#include <cmath>

namespace bench {

namespace {

// Linear interpolation between the closest ranks of sorted samples.
double percentile(const std::vector<double>& sorted, double p) {
  const double rank = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const auto above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - static_cast<double>(below));
}

}  // namespace

Summary summarize(std::vector<double> samples) {
  Summary s;
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  s.runs = samples.size();
  s.median = percentile(samples, 0.5);
  s.p10 = percentile(samples, 0.1);
  s.p90 = percentile(samples, 0.9);
  s.min = samples.front();
  s.max = samples.back();
  return s;
}

nlohmann::json to_json(const Summary& s, const char* unit) {
  return {{"unit", unit}, {"runs", s.runs}, {"median", s.median}, {"p10", s.p10},
          {"p90", s.p90},   {"min", s.min},   {"max", s.max}};
}

}  // namespace bench
