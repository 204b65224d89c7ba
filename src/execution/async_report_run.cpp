#include "execution/async_report_run.hpp"

#include <algorithm>

#include "execution/page_info.hpp"
#include "execution/report_rows.hpp"
#include "execution/report_split.hpp"
#include "execution/upstream_error.hpp"

namespace execution {

namespace {

// TikTok's synchronous reports return at most this many ads; past it only a task has them all.
constexpr long long kSyncReportCap = 20000;
constexpr const char* kAskedReason = "params.async is true";

// Thrown out of the synchronous read when its report must run as a task instead.
class SwitchToAsync : public std::exception {
 public:
  explicit SwitchToAsync(std::string reason) : reason_(std::move(reason)) {}
  const char* what() const noexcept override { return reason_.c_str(); }
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// Passes every call on; a report page that shows the synchronous report is cut throws SwitchToAsync.
class AsyncReportWatch final : public Executor {
 public:
  explicit AsyncReportWatch(Executor& inner) : inner_(inner) {}

  Page fetch(const Target& target, const json& params, const CallContext& context) override {
    Page page = inner_.fetch(target, params, context);
    const long long total = page_count(page.page_info, "total_number");
    if (params.value("data_level", json()) == "AUCTION_AD" && total > kSyncReportCap) {
      throw SwitchToAsync("the synchronous report has " + std::to_string(total) +
                          " rows at data_level AUCTION_AD, more than the 20,000 TikTok's synchronous reports "
                          "return, so it ran as an async report task (params.async: false keeps it synchronous)");
    }
    return page;
  }
  WriteAnswer write(const Target& target, const json& body, const CallContext& context) override {
    return inner_.write(target, body, context);
  }
  Page run_report_task(const Target& target, const json& params, const CallContext& context) override {
    return inner_.run_report_task(target, params, context);
  }
  bool runs_report_tasks() const override { return inner_.runs_report_tasks(); }
  CheckReport check(const CallContext& context) override { return inner_.check(context); }
  std::string mode() const override { return inner_.mode(); }

 private:
  Executor& inner_;
};

bool async_asked(const Target& target, const json& params) {
  return target.action.report && params.contains("async") && params["async"] == true;
}

// A report that has not opted out (async: false) and an executor that can run tasks.
bool may_switch(const Executor& executor, const Target& target, const json& params) {
  return target.action.report && !params.contains("async") && executor.runs_report_tasks();
}

json without_local_params(const catalog::Action& action, const json& params) {
  json out = json::object();
  for (const auto& [key, value] : params.items()) {
    if (!action.is_local(key)) out[key] = value;
  }
  return out;
}

long long meta_number(const json& meta, const char* key) {
  return meta.contains(key) && meta[key].is_number_integer() ? meta[key].get<long long>() : 0;
}

std::string how_it_ran(const Page& page, std::size_t rows) {
  const long long checks = meta_number(page.extra_meta, "checks");
  const long long waited_s = meta_number(page.extra_meta, "waited_ms") / 1000;
  return "report/task/create, report/task/check x" + std::to_string(checks) + " (" + std::to_string(waited_s) +
         " s waited), report/task/download: CSV of " + std::to_string(rows) + " rows";
}

}  // namespace

RunResult run_async_report(Executor& executor, const Target& target, const json& params, const CallContext& context,
                           const RunLimits& limits, const std::string& reason, std::size_t skip) {
  if (context.stop.stop_requested()) {
    UpstreamError::Details d;
    d.category = ErrorCategory::Cancelled;
    d.message = "the call was cancelled";
    throw UpstreamError(std::move(d));
  }
  context.note("running " + target.entity.name + " as an async report task: " + reason);
  Page page = executor.run_report_task(target, without_local_params(target.action, params), context);
  RunResult out;
  out.data = std::move(page.records);
  const std::size_t rows = out.data.size();
  const std::size_t skipped = std::min(skip, rows);
  out.data.erase(out.data.begin(), out.data.begin() + static_cast<std::ptrdiff_t>(skipped));
  const std::size_t wanted =
      std::min(params.contains("limit") ? params["limit"].get<std::size_t>() : limits.max_records, limits.max_records);
  const bool cut = out.data.size() > wanted;
  if (cut) {
    out.data.erase(out.data.begin() + static_cast<std::ptrdiff_t>(wanted), out.data.end());
    out.resume = CursorPosition{"task", 0, 1, skipped + wanted};
  }
  for (std::size_t i = 0; i < out.data.size(); ++i) out.positions.push_back(CursorPosition{"task", 0, 1, skipped + i});
  if (params.contains("fields") && target.action.is_local("fields")) project_fields(out.data, params["fields"]);

  out.meta = json{{"entity", target.entity.name}, {"action", target.action.name}};
  out.meta["task_id"] = page.extra_meta.value("task_id", json());
  out.meta["async"] = {{"task_id", out.meta["task_id"]},
                       {"how", how_it_ran(page, rows)},
                       {"checks", page.extra_meta.value("checks", json())},
                       {"waited_ms", page.extra_meta.value("waited_ms", json())},
                       {"rows", rows}};
  out.meta["async_reason"] = reason;
  out.meta["request_id"] = page.request_id;
  if (page.extra_meta.contains("request_ids")) out.meta["request_ids"] = page.extra_meta["request_ids"];
  out.meta["has_more"] = cut;
  if (cut) {
    out.meta["stopped_at_limit"] = wanted;
    out.meta["note"] = "the task returned " + std::to_string(rows) + " rows; these are " + std::to_string(wanted) +
                       " of them: continue with meta.next_cursor, raise params.limit (at most " +
                       std::to_string(limits.max_records) + ") or narrow the report";
  }
  return out;
}

bool watches_for_async(const Executor& executor, const Target& target, const json& params) {
  if (dynamic_cast<const AsyncReportWatch*>(&executor) != nullptr) return false;
  return async_asked(target, params) || may_switch(executor, target, params);
}

RunResult run_report_aware(Executor& executor, const Target& target, json params, const CallContext& context,
                           const RunLimits& limits, const SyncRun& sync) {
  if (async_asked(target, params)) return run_async_report(executor, target, params, context, limits, kAskedReason);
  if (auto reason = sync_limit_reason(plan_report_split(target.action, params))) {
    return run_async_report(executor, target, params, context, limits, *reason);
  }
  AsyncReportWatch watched(executor);
  try {
    return sync(watched, target, params, context, limits);
  } catch (const SwitchToAsync& s) {
    return run_async_report(executor, target, params, context, limits, s.reason());
  }
}

}  // namespace execution
