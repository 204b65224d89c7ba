#include "tiktok/direct_executor.hpp"

#include <chrono>

#include "execution/upstream_error.hpp"
#include "tiktok/report_csv.hpp"
#include "tiktok/response_codes.hpp"
#include "util/csv.hpp"

namespace tiktok {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

[[noreturn]] void fail(ErrorCategory category, std::string message, std::string next_step) {
  UpstreamError::Details d;
  d.category = category;
  d.source = "";
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  throw UpstreamError(std::move(d));
}

// Takes the value at `pointer` out of `data` (moved, not copied: a page can hold megabytes).
json take_at_pointer(json& data, const std::string& pointer) {
  if (pointer.empty()) return json();
  // Pointers in the catalogue start at the envelope ("/data/list"); the client returns data.
  const std::string prefix = "/data";
  std::string inner = pointer.rfind(prefix, 0) == 0 ? pointer.substr(prefix.size()) : pointer;
  if (inner.empty()) return std::move(data);
  const json::json_pointer p(inner);
  return data.is_object() && data.contains(p) ? std::move(data[p]) : json();
}

// TikTok refuses the call without these params (catalog DirectRequirement): say so before sending it.
void require_direct_params(const catalog::Action& action, const json& params) {
  for (const auto& r : action.direct_requires) {
    if (params.contains(r.param)) continue;
    UpstreamError::Details d;
    d.category = ErrorCategory::InvalidParams;
    d.source = "";
    d.message = r.reason;
    d.next_step = r.next_step;
    d.field = r.param;
    throw UpstreamError(std::move(d));
  }
}

// The advertisers a check's answer lists; an answer whose data is no object lists none.
json advertisers_in(const json& data) { return data.is_object() ? data.value("list", json::array()) : json::array(); }

}  // namespace

DirectExecutor::DirectExecutor(const Client& client, DirectSettings settings)
    : client_(client), settings_(std::move(settings)) {}

json DirectExecutor::with_app_credentials(const catalog::Action& action, json params) const {
  if (!action.needs_app_credentials) return params;
  if (settings_.app_id.empty() || settings_.app_secret.empty()) {
    if (settings_.demo) return params;
    fail(ErrorCategory::NotConfigured, "listing reachable advertisers needs the TikTok app id and secret",
         "Set TIKTOK_MARKETING_APP_ID and TIKTOK_MARKETING_APP_SECRET (from the TikTok developer portal, My Apps) "
         "and restart, or pass advertiser ids you already know.");
  }
  params["app_id"] = settings_.app_id;
  params["secret"] = settings_.app_secret;
  return params;
}

execution::Page DirectExecutor::fetch(const execution::Target& target, const json& params,
                                      const execution::CallContext& context) {
  const catalog::Action& action = target.action;
  if (action.hosted_only) {
    fail(ErrorCategory::Unsupported,
         action.name + " searches Airbyte's synced copy of the data, which exists only in hosted mode",
         "Use action \"list\" (it reads TikTok live), or configure AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET for "
         "hosted mode.");
  }
  require_direct_params(action, params);
  json sent = params;
  for (const auto& [key, unused] : params.items()) {
    if (action.is_shaping(key)) sent.erase(key);  // applied to the records by the runner
  }
  Envelope envelope = client_.get(action.path, with_app_credentials(action, std::move(sent)), context.stop);
  execution::Page page;
  page.request_id = envelope.request_id;
  page.page_info = take_at_pointer(envelope.data, action.page_info_pointer);
  json records = take_at_pointer(envelope.data, action.records_pointer);
  page.records = records.is_array() ? std::move(records) : json::array();
  if (envelope.code != kOk) page.extra_meta["partial_success"] = {{"code", envelope.code}, {"message", envelope.message}};
  return page;
}

execution::WriteAnswer DirectExecutor::write(const execution::Target& target, const json& body,
                                             const execution::CallContext& context) {
  const catalog::WriteSpec& spec = *target.action.write;
  const auto idempotency = spec.idempotent ? upstream::Idempotency::Idempotent : upstream::Idempotency::NonIdempotent;
  Envelope envelope = client_.post(spec.path, body, idempotency, context.stop);
  execution::WriteAnswer answer;
  answer.data = std::move(envelope.data);
  answer.request_id = std::move(envelope.request_id);
  answer.code = envelope.code;
  answer.message = std::move(envelope.message);
  return answer;
}

execution::Page DirectExecutor::run_report_task(const execution::Target& target, const json& params,
                                                const execution::CallContext& context) {
  if (!target.action.report) {
    fail(ErrorCategory::InvalidParams, target.entity.name + " is not a report; only reports run as async tasks",
         "Drop params.async.");
  }
  TaskOutcome task = tiktok::run_report_task(client_, report_task_body(params), settings_.report_tasks, context);
  execution::Page page;
  try {
    page.records = report_rows_from_csv(task.csv);
  } catch (const util::CsvError& e) {
    fail(ErrorCategory::BadResponse, "the CSV of async report task " + task.task_id + " is malformed: " + e.what(),
         "Try again (the task's result can be downloaded again); if it persists, report it with the task id.");
  }
  page.request_id = task.request_ids.empty() ? "" : task.request_ids.front();
  page.extra_meta["task_id"] = task.task_id;
  page.extra_meta["checks"] = task.checks;
  page.extra_meta["waited_ms"] = task.waited.count();
  page.extra_meta["request_ids"] = task.request_ids;
  return page;
}

execution::CheckReport DirectExecutor::check(const execution::CallContext& context) {
  execution::CheckReport report;
  report.details["mode"] = mode();
  report.details["api_base_url"] = client_.base_url();
  const auto started = std::chrono::steady_clock::now();
  auto elapsed_ms = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  };
  try {
    if (settings_.demo || (!settings_.app_id.empty() && !settings_.app_secret.empty())) {
      json params{{"app_id", settings_.app_id}, {"secret", settings_.app_secret}};
      Envelope e = client_.get("oauth2/advertiser/get/", params, context.stop);
      report.details["latency_ms"] = elapsed_ms();
      report.details["request_id"] = e.request_id;
      report.details["advertisers"] = advertisers_in(e.data);
    } else if (!settings_.advertiser_id.empty()) {
      json params{{"advertiser_ids", json::array({settings_.advertiser_id})},
                  {"fields", json::array({"advertiser_id", "name", "currency", "timezone", "status"})}};
      Envelope e = client_.get("advertiser/info/", params, context.stop);
      report.details["latency_ms"] = elapsed_ms();
      report.details["request_id"] = e.request_id;
      report.details["advertisers"] = advertisers_in(e.data);
    } else {
      report.details["credentials"] = "not verified";
      report.details["how_to_verify"] =
          "Set TIKTOK_MARKETING_ADVERTISER_ID (or TIKTOK_MARKETING_APP_ID and TIKTOK_MARKETING_APP_SECRET) so the "
          "check can make a real call with the token.";
      return report;
    }
    report.ok = true;
  } catch (const UpstreamError& e) {
    report.details["latency_ms"] = elapsed_ms();
    report.details["error"] = e.describe();
  }
  return report;
}

}  // namespace tiktok
