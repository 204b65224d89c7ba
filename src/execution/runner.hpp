#pragma once
// Runs one execute call on an Executor: a single page, or pages in turn (params.limit /
// params.all_pages) with progress and prompt cancellation, or, for a daily report longer than
// the API's span limit, 30-day windows fetched completely and merged. Report rows are
// flattened and fields projected. Returns {data, meta} before output bounding.

#include <nlohmann/json.hpp>

#include "execution/executor.hpp"

namespace execution {

struct RunResult {
  json data = json::array();
  json meta = json::object();
};

struct RunLimits {
  std::size_t max_records = 100000;  // hard cap for auto-pagination
  std::size_t max_pages = 1000;
};

// `params` are prepared (validated, defaulted). Throws UpstreamError.
RunResult run(Executor& executor, const Target& target, json params, const CallContext& context,
              const RunLimits& limits = {});

}  // namespace execution
