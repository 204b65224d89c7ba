#include "execution/runner.hpp"

#include <algorithm>

#include "execution/async_report_run.hpp"
#include "execution/field_selection.hpp"
#include "execution/page_info.hpp"
#include "execution/get_by_id.hpp"
#include "execution/report_rows.hpp"
#include "execution/report_split.hpp"
#include "execution/upstream_error.hpp"
#include "util/date.hpp"

namespace execution {

namespace {

void throw_if_cancelled(const CallContext& context) {
  if (!context.stop.stop_requested()) return;
  UpstreamError::Details d;
  d.category = ErrorCategory::Cancelled;
  d.source = "";
  d.message = "the call was cancelled";
  throw UpstreamError(d);
}

// Splits the params the caller gave into those for the executor and those the runner uses.
// Shaping params go to both: hosted mode hands them to Airbyte, direct mode drops them.
json upstream_params(const catalog::Action& action, const json& params) {
  json out = json::object();
  for (const auto& [key, value] : params.items()) {
    if (!action.is_local(key) || action.is_shaping(key)) out[key] = value;
  }
  return out;
}

struct PageLoop {
  json records = json::array();
  std::vector<CursorPosition> positions;  // of each record
  std::optional<CursorPosition> resume;   // the next record's, when the loop stopped before the end
  json last_page_info;
  std::vector<std::string> request_ids;
  json extra_meta = json::object();
  std::size_t pages = 0;
  bool stopped_at_limit = false;  // records remain upstream beyond those collected
  bool cut_mid_page = false;      // the last page was only partly taken
};

// Fetches pages from params.page on (skipping the first `skip` records of that page) until
// `wanted` records, the last page, or a hard cap. Records are numbered as in report window `window`.
void fetch_pages(Executor& executor, const Target& target, json params, std::size_t wanted,
                 const CallContext& context, const RunLimits& limits, const std::string& label, std::size_t window,
                 std::size_t skip, PageLoop& loop) {
  long long page = params.value("page", 1LL);
  const std::size_t cap = std::min(wanted, limits.max_records);
  loop.resume.reset();
  while (true) {
    throw_if_cancelled(context);
    params["page"] = page;
    Page result = executor.fetch(target, params, context);
    ++loop.pages;
    loop.request_ids.push_back(result.request_id);
    loop.last_page_info = result.page_info;
    for (auto& [k, v] : result.extra_meta.items()) loop.extra_meta[k] = v;
    const std::size_t got = result.records.size();
    for (std::size_t i = skip; i < got; ++i) {
      if (loop.records.size() >= cap) {
        loop.stopped_at_limit = true;
        loop.cut_mid_page = true;
        loop.resume = CursorPosition{"page", window, page, i};
        break;
      }
      loop.records.push_back(std::move(result.records[i]));
      loop.positions.push_back(CursorPosition{"page", window, page, i});
    }
    skip = 0;
    const long long total_pages = page_count(result.page_info, "total_page");
    const long long total_number = page_count(result.page_info, "total_number");
    std::optional<double> total;
    if (total_number >= 0) total = static_cast<double>(std::min<long long>(total_number, static_cast<long long>(cap)));
    context.report(static_cast<double>(loop.records.size()), total,
                   label + "page " + std::to_string(page) + (total_pages > 0 ? " of " + std::to_string(total_pages) : ""));
    const bool last = got == 0 || total_pages < 0 || page >= total_pages;
    if (loop.cut_mid_page) return;
    if (!last && (loop.records.size() >= cap || loop.pages >= limits.max_pages)) {
      loop.stopped_at_limit = loop.stopped_at_limit || loop.records.size() >= cap;
      loop.resume = CursorPosition{"page", window, page + 1, 0};
      return;
    }
    if (last) return;
    ++page;
  }
}

void finish_records(const Target& target, const json& params, json& records) {
  if (target.action.report) flatten_report_rows(records);
  if (params.contains("fields") && target.action.is_local("fields")) project_fields(records, params["fields"]);
  select_fields(records, params.value("select_fields", json()), params.value("exclude_fields", json()));
}

// The upstream request ids, for support requests: all of them when few, else the last ones.
void add_request_ids(json& meta, const std::vector<std::string>& ids) {
  constexpr std::size_t kKept = 20;
  const std::size_t skip = ids.size() > kKept ? ids.size() - kKept : 0;
  meta["request_ids"] = std::vector<std::string>(ids.begin() + static_cast<std::ptrdiff_t>(skip), ids.end());
  if (skip > 0) meta["request_ids_omitted"] = skip;
}

json base_meta(const Target& target) { return json{{"entity", target.entity.name}, {"action", target.action.name}}; }

void throw_bad_start(const std::string& why) {
  UpstreamError::Details d;
  d.category = ErrorCategory::InvalidParams;
  d.source = "";
  d.message = "params.cursor " + why;
  d.next_step = "Pass meta.next_cursor exactly as returned, or run the query again without cursor.";
  throw UpstreamError(d);
}

// A range of totals longer than a synchronous request may span, where no async task can run
// (hosted mode, or params.async false).
void throw_range_too_long(const ReportSplit& split) {
  UpstreamError::Details d;
  d.category = ErrorCategory::InvalidParams;
  d.source = "";
  d.message = "the date range spans " + std::to_string(split.range_days) + " days, and a synchronous report "
              "without a time dimension spans at most " + std::to_string(split.span_days) + " days";
  d.next_step = "Shorten the range, add stat_time_day to dimensions (the range is then split and merged), or in "
                "direct mode drop async: false so the report runs as an async task.";
  throw UpstreamError(d);
}

RunResult run_windows(Executor& executor, const Target& target, const json& params, const ReportSplit& split,
                      const CallContext& context, const RunLimits& limits, const CursorPosition& from) {
  const auto& r = *target.action.report;
  const auto& windows = split.windows;
  const std::size_t wanted = params.contains("limit") ? params["limit"].get<std::size_t>() : limits.max_records;
  json upstream = upstream_params(target.action, params);
  // Windows are read whole, so ask for the largest pages the endpoint allows.
  upstream["page"] = 1;
  if (const json* size = target.action.property("page_size"); size && size->contains("maximum")) {
    upstream["page_size"] = (*size)["maximum"];
  }
  PageLoop loop;
  json window_meta = json::array();
  context.note("splitting " + params[r.start_param].get<std::string>() + ".." + params[r.end_param].get<std::string>() +
               " into " + std::to_string(windows.size()) + " windows of at most " + std::to_string(split.span_days) +
               " day(s)");
  if (from.window >= windows.size()) {
    throw_bad_start("points at report window " + std::to_string(from.window + 1) + ", but these params make " +
                    std::to_string(windows.size()) + " windows");
  }
  for (std::size_t i = from.window; i < windows.size(); ++i) {
    upstream[r.start_param] = windows[i].start;
    upstream[r.end_param] = windows[i].end;
    upstream["page"] = i == from.window ? from.page : 1;
    const std::size_t before = loop.records.size();
    fetch_pages(executor, target, upstream, wanted, context, limits,
                "window " + std::to_string(i + 1) + "/" + std::to_string(windows.size()) + ", ", i,
                i == from.window ? from.offset : 0, loop);
    window_meta.push_back({{"start_date", windows[i].start}, {"end_date", windows[i].end},
                           {"records", loop.records.size() - before}});
    if (loop.resume) break;  // stopped inside this window
    if (loop.records.size() >= std::min(wanted, limits.max_records) && i + 1 < windows.size()) {
      loop.stopped_at_limit = true;
      loop.resume = CursorPosition{"page", i + 1, 1, 0};
      break;
    }
  }
  RunResult out;
  out.data = std::move(loop.records);
  finish_records(target, params, out.data);
  out.meta = base_meta(target);
  out.meta["windows"] = std::move(window_meta);
  out.meta["split_reason"] = "the range spans " + std::to_string(split.range_days) + " days with " +
                             split.time_dimension + ", and one request may span at most " +
                             std::to_string(split.span_days) + " day(s); each window was fetched in full (all pages, "
                             "largest page size) and the rows merged";
  out.meta["pages_fetched"] = loop.pages;
  add_request_ids(out.meta, loop.request_ids);
  out.positions = std::move(loop.positions);
  out.resume = loop.resume;
  if (loop.stopped_at_limit) {
    out.meta["stopped_at_limit"] = wanted;
    out.meta["note"] = "more rows exist; raise params.limit or shorten the date range";
  }
  return out;
}

}  // namespace

RunResult run(Executor& executor, const Target& target, json params, const CallContext& context,
              const RunLimits& limits, const std::optional<CursorPosition>& from) {
  // A cursor into an async report's rows continues with a new task of the same report.
  if (from && from->kind == "task") {
    return run_async_report(executor, target, params, context, limits,
                            "continuing an async report from meta.next_cursor: a new task re-ran the report and "
                            "the rows before the cursor were skipped",
                            from->offset);
  }
  // params.async, or a sync report too large to answer in full, runs as one async task.
  if (watches_for_async(executor, target, params)) {
    auto sync = [&from](Executor& e, const Target& t, json p, const CallContext& c, const RunLimits& l) {
      return run(e, t, std::move(p), c, l, from);
    };
    return run_report_aware(executor, target, std::move(params), context, limits, sync);
  }
  throw_if_cancelled(context);
  if (target.action.get) {
    if (from && (from->window != 0 || from->page != 1)) throw_bad_start("points past the single answer of a get");
    RunResult got = run_get(executor, target, params, context, from ? from->offset : 0);
    select_fields(got.data, params.value("select_fields", json()), params.value("exclude_fields", json()));
    return got;
  }
  const ReportSplit split = plan_report_split(target.action, params);
  if (!split.windows.empty()) {
    return run_windows(executor, target, params, split, context, limits, from.value_or(CursorPosition{"page", 0, 1, 0}));
  }
  if (split.time_dimension.empty() && split.range_days > split.span_days) throw_range_too_long(split);
  if (from && from->window != 0) throw_bad_start("points at a report window, but these params make none");

  const bool all_pages = params.value("all_pages", false);
  const bool paging = all_pages || params.contains("limit");
  json upstream = upstream_params(target.action, params);
  const bool paged = target.action.property("page") != nullptr;
  if (from && paged) upstream["page"] = from->page;
  if (from && !paged && from->page != 1) throw_bad_start("points at page " + std::to_string(from->page) + " of an unpaged list");
  const std::size_t skip = from ? from->offset : 0;
  RunResult out;
  out.meta = base_meta(target);
  if (!paging) {
    Page page = executor.fetch(target, upstream, context);
    const long long number = paged ? upstream.value("page", 1LL) : 1;
    for (std::size_t i = skip; i < page.records.size(); ++i) {
      out.data.push_back(std::move(page.records[i]));
      out.positions.push_back(CursorPosition{"page", 0, number, i});
    }
    finish_records(target, params, out.data);
    out.meta["page_info"] = page.page_info;
    out.meta["request_id"] = page.request_id;
    for (auto& [k, v] : page.extra_meta.items()) out.meta[k] = v;
    const long long current = page_count(page.page_info, "page");
    const long long total = page_count(page.page_info, "total_page");
    out.meta["has_more"] = (current >= 1 && total > current) || page.extra_meta.value("has_more", json(false)) == true;
    if (current >= 1 && total > current) {
      out.meta["next_page"] = current + 1;
      out.resume = CursorPosition{"page", 0, number + 1, 0};
    }
    return out;
  }
  const std::size_t wanted = all_pages ? limits.max_records : params["limit"].get<std::size_t>();
  context.note("fetching " + target.entity.name + " page by page, up to " + std::to_string(wanted) + " records");
  PageLoop loop;
  fetch_pages(executor, target, upstream, wanted, context, limits, "", 0, skip, loop);
  out.data = std::move(loop.records);
  out.positions = std::move(loop.positions);
  out.resume = loop.resume;
  finish_records(target, params, out.data);
  out.meta["page_info"] = loop.last_page_info;
  out.meta["pages_fetched"] = loop.pages;
  add_request_ids(out.meta, loop.request_ids);
  for (auto& [k, v] : loop.extra_meta.items()) out.meta[k] = v;
  const long long current = page_count(loop.last_page_info, "page");
  const long long total = page_count(loop.last_page_info, "total_page");
  const bool more_pages = current >= 1 && total > current;
  // A cursor-paged search (hosted) says has_more itself; page_info cannot.
  out.meta["has_more"] = loop.stopped_at_limit || more_pages || loop.extra_meta.value("has_more", json(false)) == true;
  if (more_pages && !loop.cut_mid_page) out.meta["next_page"] = current + 1;
  if (loop.cut_mid_page) {
    out.meta["note"] = "stopped at the limit of " + std::to_string(wanted) + " records inside page " +
                       std::to_string(current) + "; raise params.limit to get more";
  }
  return out;
}

}  // namespace execution
