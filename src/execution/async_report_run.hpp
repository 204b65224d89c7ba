#pragma once
// Reports run as one async task upstream (Executor::run_report_task) instead of page by page:
// when params.async is true, or automatically when a synchronous report's page shows it cannot
// answer in full (more than 20,000 rows at data_level AUCTION_AD, TikTok's synchronous cap) or
// its range needs too many requests or more than one may span (execution/report_split.hpp),
// unless params.async is false. Every row comes back at once, as flat records projected by
// fields like the synchronous rows; params.limit still caps them, and the output bound applies
// later as to any list. meta says how it ran: task_id, async {how, checks, waited_ms, rows}
// and async_reason.

#include <exception>
#include <functional>
#include <string>

#include "execution/runner.hpp"

namespace execution {

// The runner's synchronous read: one page, pages in turn, or report windows.
using SyncRun = std::function<RunResult(Executor&, const Target&, json params, const CallContext&, const RunLimits&)>;

// Whether run() should hand the call to run_report_aware: a report that asks for async, or one
// that may switch to it (not async: false, an executor with tasks) and is not already watched.
bool watches_for_async(const Executor& executor, const Target& target, const json& params);

// Runs the call as an async report task when asked, else `sync` on an executor that watches
// its pages, switching to the task when the synchronous report turns out too large. Throws
// UpstreamError.
RunResult run_report_aware(Executor& executor, const Target& target, json params, const CallContext& context,
                           const RunLimits& limits, const SyncRun& sync);

// The async task alone; `reason` goes to meta.async_reason. `skip`: rows of the task's result to
// leave out, for a cursor (kind "task") continuing an earlier answer.
RunResult run_async_report(Executor& executor, const Target& target, const json& params, const CallContext& context,
                           const RunLimits& limits, const std::string& reason, std::size_t skip = 0);

}  // namespace execution
