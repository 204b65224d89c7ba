#include "tiktok/report_task.hpp"

#include <algorithm>

#include "execution/upstream_error.hpp"

namespace tiktok {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;
using nlohmann::json;

constexpr const char* kCreatePath = "report/task/create/";
constexpr const char* kCheckPath = "report/task/check/";
constexpr const char* kDownloadPath = "report/task/download/";
constexpr const char* kCancelPath = "report/task/cancel/";

// What report/task/create/ takes besides output_format and enable_report_title_translation.
const std::vector<std::string>& create_fields() {
  static const std::vector<std::string> f{"advertiser_id", "advertiser_ids", "service_type", "report_type",
                                          "data_level",    "dimensions",     "metrics",      "start_date",
                                          "end_date",      "query_lifetime", "filtering",    "order_field",
                                          "order_type"};
  return f;
}

[[noreturn]] void task_failure(ErrorCategory category, std::string message, std::string next_step,
                               std::string request_id = {}) {
  UpstreamError::Details d;
  d.category = category;
  d.source = "TikTok";
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  d.request_id = std::move(request_id);
  throw UpstreamError(std::move(d));
}

std::string task_advertiser(const json& body) {
  if (body.contains("advertiser_id") && body["advertiser_id"].is_string()) return body["advertiser_id"];
  if (body.contains("advertiser_ids") && body["advertiser_ids"].is_array() && !body["advertiser_ids"].empty() &&
      body["advertiser_ids"][0].is_string()) {
    return body["advertiser_ids"][0];
  }
  return "";
}

// An id TikTok may send as a string or as a number; numbers are written exactly (never via double).
std::string id_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  return "";
}

std::string seconds_text(std::chrono::milliseconds ms) {
  const auto s = ms.count() / 1000;
  return std::to_string(s) + (s == 1 ? " second" : " seconds");
}

std::string create_task(const Client& client, const json& body, const execution::CallContext& context,
                        TaskOutcome& out) {
  // A create that may have reached TikTok is not repeated: a second task would count against
  // the 500 creations per account per hour for nothing.
  Envelope e = client.post(kCreatePath, body, upstream::Idempotency::NonIdempotent, context.stop);
  out.request_ids.push_back(e.request_id);
  const std::string id = e.data.is_object() && e.data.contains("task_id") ? id_text(e.data["task_id"]) : "";
  if (id.empty()) {
    task_failure(ErrorCategory::BadResponse, "report/task/create/ answered without a task_id",
                 "Try again; if it persists, check TIKTOK_MARKETING_API_BASE_URL.", e.request_id);
  }
  return id;
}

void cancel_task(const Client& client, const std::string& advertiser_id, const std::string& task_id,
                 const execution::CallContext& context) {
  try {
    // A fresh stop token: the call's own is already stopped.
    client.post(kCancelPath, json{{"advertiser_id", advertiser_id}, {"task_id", task_id}},
                upstream::Idempotency::NonIdempotent, std::stop_token{});
    context.note("cancelled report task " + task_id);
  } catch (const UpstreamError& e) {
    context.note("could not cancel report task " + task_id + ": " + e.what());
  }
}

[[noreturn]] void stop_for_cancel(const Client& client, const std::string& advertiser_id, const std::string& task_id,
                                  const execution::CallContext& context) {
  cancel_task(client, advertiser_id, task_id, context);
  task_failure(ErrorCategory::Cancelled, "the call was cancelled while report task " + task_id + " ran", "");
}

[[noreturn]] void give_up(const std::string& task_id, const std::string& status, const TaskOutcome& out,
                          const TaskPolling& polling) {
  task_failure(ErrorCategory::Timeout,
               "async report task " + task_id + " is still " + status + " after " + std::to_string(out.checks) +
                   " checks and " + seconds_text(out.waited) + " of waiting (the limit is " +
                   seconds_text(polling.total_wait) + ")",
               "The task keeps running at TikTok, which keeps its result for 30 days: it can be downloaded later "
               "with report/task/download/ and task_id " + task_id +
                   ". Or raise TIKTOK_MARKETING_REPORT_TASK_TIMEOUT_MS, or narrow the report (fewer days, metrics "
                   "or ids).");
}

// Checks until SUCCESS; throws for FAILED, CANCELED, an unknown status, the wait limit and cancellation.
void wait_for_task(const Client& client, const std::string& advertiser_id, const std::string& task_id,
                   const TaskPolling& polling, const execution::CallContext& context, TaskOutcome& out) {
  std::chrono::milliseconds next_wait = std::max(polling.first_wait, std::chrono::milliseconds(0));
  while (true) {
    Envelope e;
    try {
      e = client.get(kCheckPath, json{{"advertiser_id", advertiser_id}, {"task_id", task_id}}, context.stop);
    } catch (const UpstreamError& error) {
      if (error.category() == ErrorCategory::Cancelled) stop_for_cancel(client, advertiser_id, task_id, context);
      throw;
    }
    ++out.checks;
    out.request_ids.push_back(e.request_id);
    const json status_value = e.data.is_object() ? e.data.value("status", json()) : json();
    const std::string status = status_value.is_string() ? status_value.get<std::string>() : "";
    if (status == "SUCCESS") return;
    if (status == "FAILED") {
      const json message = e.data.value("message", json());
      task_failure(ErrorCategory::Upstream,
                   "async report task " + task_id + " FAILED at TikTok: " +
                       (message.is_string() && !message.get<std::string>().empty() ? message.get<std::string>()
                                                                                    : "(no message)"),
                   "Check the report's dimensions, metrics and filtering against TikTok's message, then run it "
                   "again (or without params.async for a synchronous report).",
                   e.request_id);
    }
    if (status == "CANCELED") {
      task_failure(ErrorCategory::Upstream,
                   "async report task " + task_id + " was CANCELED at TikTok before it finished",
                   "Run the report again; if it keeps happening, ask for a shorter range or fewer metrics.",
                   e.request_id);
    }
    if (status != "QUEUING" && status != "PROCESSING") {
      task_failure(ErrorCategory::BadResponse,
                   "report/task/check/ answered with status " + (status.empty() ? status_value.dump() : status) +
                       " for task " + task_id + " (expected QUEUING, PROCESSING, SUCCESS, FAILED or CANCELED)",
                   "Try again; if it persists, check TIKTOK_MARKETING_API_BASE_URL.", e.request_id);
    }
    context.report(out.checks, std::nullopt,
                   "report task " + task_id + ": " + status + " (check " + std::to_string(out.checks) + ", " +
                       seconds_text(out.waited) + " waited)");
    if (out.waited >= polling.total_wait) give_up(task_id, status, out, polling);
    const auto wait = std::min(next_wait, polling.total_wait - out.waited);
    if (context.stop.stop_requested() || !client.sleeper()(wait, context.stop)) {
      stop_for_cancel(client, advertiser_id, task_id, context);
    }
    out.waited += wait;
    next_wait = std::min(std::max(next_wait * 2, std::chrono::milliseconds(1)), polling.max_wait);
  }
}

}  // namespace

json report_task_body(const json& params) {
  json body = json::object();
  for (const auto& field : create_fields()) {
    if (params.contains(field)) body[field] = params[field];
  }
  body["output_format"] = "CSV_STRING";
  body["enable_report_title_translation"] = false;
  return body;
}

TaskOutcome run_report_task(const Client& client, const json& body, const TaskPolling& polling,
                            const execution::CallContext& context) {
  TaskOutcome out;
  const std::string advertiser_id = task_advertiser(body);
  out.task_id = create_task(client, body, context, out);
  context.note("created async report task " + out.task_id);
  wait_for_task(client, advertiser_id, out.task_id, polling, context, out);
  out.csv = download_report_task(client, advertiser_id, out.task_id, context.stop);
  return out;
}

std::string download_report_task(const Client& client, const std::string& advertiser_id, const std::string& task_id,
                                 const std::stop_token& stop) {
  return client.get_text(kDownloadPath, json{{"advertiser_id", advertiser_id}, {"task_id", task_id}}, stop);
}

}  // namespace tiktok
