#pragma once
// Runs one execute call on an Executor: a single page, or pages in turn (params.limit /
// params.all_pages) with progress and prompt cancellation, or, for a daily report longer than
// the API's span limit, 30-day windows fetched completely and merged. Report rows are
// flattened and fields projected. Returns {data, meta} before output bounding, with the
// position of every record, so a cursor (execution/result_cursor.hpp) can continue after any.

#include <nlohmann/json.hpp>

#include "execution/executor.hpp"
#include "execution/result_cursor.hpp"

namespace execution {

struct RunResult {
  json data = json::array();
  json meta = json::object();
  std::vector<CursorPosition> positions;  // one per record of data: where it was read
  std::optional<CursorPosition> resume;   // where the record after the last one is, if more exist
};

struct RunLimits {
  std::size_t max_records = 100000;  // hard cap for auto-pagination
  std::size_t max_pages = 1000;
};

// `params` are prepared (validated, defaulted). `from`: continue at this position (a cursor's)
// instead of at params.page. Throws UpstreamError.
RunResult run(Executor& executor, const Target& target, json params, const CallContext& context,
              const RunLimits& limits = {}, const std::optional<CursorPosition>& from = std::nullopt);

}  // namespace execution
