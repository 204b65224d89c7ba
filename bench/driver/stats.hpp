#pragma once
// The figures a benchmark reports from repeated samples: the median, and the spread as the
// 10th and 90th percentiles and the extremes.

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

struct Summary {
  std::size_t runs = 0;
  double median = 0, p10 = 0, p90 = 0, min = 0, max = 0;
};

Summary summarize(std::vector<double> samples);

nlohmann::json to_json(const Summary& s, const char* unit);

}  // namespace bench
