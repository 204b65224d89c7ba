#include "tiktok/demo/demo_report_tasks.hpp"

#include <atomic>
#include <cstdio>

#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_body.hpp"
#include "tiktok/demo/demo_error.hpp"
#include "util/csv.hpp"
#include "util/date.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;
using TaskQuery = std::map<std::string, std::string>;

constexpr const char* kCreate = "/report/task/create/";
constexpr const char* kCheck = "/report/task/check/";
constexpr const char* kDownload = "/report/task/download/";
constexpr const char* kCancel = "/report/task/cancel/";

std::string task_request_id() {
  static std::atomic<unsigned long long> counter{0};
  char buf[40];
  std::snprintf(buf, sizeof buf, "20261125000000task%010llu", ++counter);
  return buf;
}

net::HttpResult task_reply(const std::string& content_type, std::string body, int status = 200) {
  net::HttpResult result;
  result.status = status;
  result.headers["content-type"] = content_type;
  result.body = std::move(body);
  return result;
}

net::HttpResult task_envelope(long long code, const std::string& message, json data) {
  return task_reply("application/json", json{{"code", code},
                                             {"message", message},
                                             {"request_id", task_request_id()},
                                             {"data", std::move(data)}}
                                            .dump());
}

std::string query_string(const TaskQuery& q, const std::string& name) {
  auto it = q.find(name);
  if (it == q.end() || it->second.empty()) refuse_field(name, "Missing data for required field.");
  return it->second;
}

std::vector<std::string> body_names(const json& body, const std::string& name, std::vector<std::string> fallback) {
  if (!body.contains(name) || body[name].is_null()) {
    if (fallback.empty()) refuse_field(name, "Missing data for required field.");
    return fallback;
  }
  const json& list = body[name];
  if (!list.is_array() || list.empty()) refuse_field(name, "Missing data for required field.");
  std::vector<std::string> out;
  for (const auto& v : list) {
    if (!v.is_string()) refuse_field(name, "Not a valid string.");
    out.push_back(v.get<std::string>());
  }
  return out;
}

long body_date(const json& body, const std::string& name) {
  auto day = util::parse_date(body_string(body, name));
  if (!day) refuse_field(name, "Not a valid date, expected YYYY-MM-DD.");
  return *day;
}

// The query of a create body, checked as the sync report checks its parameters.
ReportQuery task_query(const json& body) {
  ReportQuery q;
  q.advertiser_id = body_string(body, "advertiser_id");
  check_advertiser(account(), q.advertiser_id);
  q.report_type = body_string(body, "report_type");
  if (q.report_type != "BASIC" && q.report_type != "AUDIENCE") {
    refuse_field("report_type", "the demo account has BASIC and AUDIENCE reports only.");
  }
  if (optional_string(body, "service_type").value_or("AUCTION") != "AUCTION") {
    refuse_field("service_type", "the demo account has AUCTION reports only.");
  }
  if (optional_string(body, "output_format").value_or("CSV_STRING") != "CSV_STRING") {
    refuse_field("output_format", "the demo account's tasks answer with CSV_STRING only.");
  }
  q.lifetime = optional_bool(body, "query_lifetime", false);
  q.data_level = body_string(body, "data_level");
  q.dimensions = body_names(body, "dimensions", {});
  q.metrics = body_names(body, "metrics", {"spend", "impressions"});
  if (!q.lifetime) {
    q.start_day = body_date(body, "start_date");
    q.end_day = body_date(body, "end_date");
  }
  q.filtering = body.value("filtering", json());
  if (!q.filtering.is_null() && !q.filtering.is_array()) refuse_field("filtering", "Not a valid list.");
  q.order_field = optional_string(body, "order_field").value_or("");
  q.order_type = optional_string(body, "order_type").value_or("DESC");
  q.span_limits = false;
  return q;
}

std::string csv_cell(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

// The header is the field names (enable_report_title_translation=false), dimensions first.
std::string rows_as_csv(const ReportQuery& q, const json& rows) {
  std::vector<std::string> header = q.dimensions;
  header.insert(header.end(), q.metrics.begin(), q.metrics.end());
  std::string csv = util::format_csv_record(header);
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& d : q.dimensions) cells.push_back(csv_cell(row["dimensions"].value(d, json())));
    for (const auto& m : q.metrics) cells.push_back(csv_cell(row["metrics"].value(m, json())));
    csv += util::format_csv_record(cells);
  }
  return csv;
}

TaskQuery query_map(const net::HttpRequest& request) { return TaskQuery(request.query.begin(), request.query.end()); }

}  // namespace

bool ReportTasks::is_task_path(const std::string& path) {
  return path == kCreate || path == kCheck || path == kDownload || path == kCancel;
}

std::optional<net::HttpResult> ReportTasks::answer(const net::HttpRequest& request) {
  const std::string& path = request.path;
  if (!is_task_path(path)) return std::nullopt;
  const bool post = path == kCreate || path == kCancel;
  if (request.method != (post ? "POST" : "GET")) return task_reply("text/plain", "405 method not allowed", 405);
  try {
    if (path == kDownload) return task_reply("text/csv", download(query_map(request)));
    if (path == kCheck) return task_envelope(0, "OK", check(query_map(request)));
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object()) throw DemoError(40002, "Invalid JSON body: the request body must be a JSON object.");
    return task_envelope(0, "OK", path == kCreate ? create(body) : cancel(body));
  } catch (const DemoError& e) {
    return task_envelope(e.code(), e.what(), json::object());
  }
}

json ReportTasks::create(const json& body) {
  ReportQuery q = task_query(body);
  report_rows(q);  // refuses what the sync report refuses, span limits aside
  std::lock_guard lock(mutex_);
  char id[24];
  std::snprintf(id, sizeof id, "74%017lld", ++created_);
  tasks_[id] = Task{q.advertiser_id, std::move(q)};
  return {{"task_id", id}};
}

ReportTasks::Task& ReportTasks::find(const std::string& advertiser_id, const std::string& task_id) {
  auto it = tasks_.find(task_id);
  if (it == tasks_.end() || it->second.advertiser_id != advertiser_id) {
    refuse_field("task_id", "No task " + task_id + " for advertiser " + advertiser_id + ".");
  }
  return it->second;
}

json ReportTasks::check(const TaskQuery& query) {
  const std::string advertiser_id = query_string(query, "advertiser_id");
  const std::string task_id = query_string(query, "task_id");
  std::lock_guard lock(mutex_);
  Task& task = find(advertiser_id, task_id);
  ++task.checks;
  const char* status = task.cancelled     ? "CANCELED"
                       : task.checks == 1 ? "QUEUING"
                       : task.checks == 2 ? "PROCESSING"
                                          : "SUCCESS";
  return {{"task_id", task_id}, {"status", status}};
}

json ReportTasks::cancel(const json& body) {
  const std::string advertiser_id = body_string(body, "advertiser_id");
  const std::string task_id = body_string(body, "task_id");
  std::lock_guard lock(mutex_);
  Task& task = find(advertiser_id, task_id);
  if (!task.cancelled && task.checks >= 3) refuse_field("task_id", "The task has finished and cannot be cancelled.");
  task.cancelled = true;
  return {{"task_id", task_id}, {"status", "CANCELED"}};
}

std::string ReportTasks::download(const TaskQuery& query) {
  const std::string advertiser_id = query_string(query, "advertiser_id");
  const std::string task_id = query_string(query, "task_id");
  ReportQuery q;
  {
    std::lock_guard lock(mutex_);
    Task& task = find(advertiser_id, task_id);
    if (task.cancelled) throw DemoError(40200, "The task was canceled; create a new one.");
    if (task.checks < 3) throw DemoError(40201, "The task is not ready yet; check its status with report/task/check/.");
    q = task.query;
  }
  return rows_as_csv(q, report_rows(q));
}

}  // namespace tiktok::demo
