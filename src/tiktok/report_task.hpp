#pragma once
// TikTok's async reports: POST report/task/create/ with the report's query (returns a
// task_id), GET report/task/check/ until the task's status is SUCCESS, then GET
// report/task/download/, which answers with the CSV itself. Async tasks have no span limit,
// no paging and no 20,000-ad cap, but take seconds to minutes. Between checks the wait starts
// at TaskPolling::first_wait and doubles up to max_wait, through the client's sleeper;
// progress is reported on each check. When the call is cancelled the waiting stops and the
// task is cancelled upstream (report/task/cancel/, once, best effort).

#include <chrono>
#include <stop_token>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "execution/call_context.hpp"
#include "tiktok/client.hpp"

namespace tiktok {

struct TaskPolling {
  std::chrono::milliseconds first_wait{1000};     // between the first two checks
  std::chrono::milliseconds max_wait{15000};      // the longest wait between two checks
  std::chrono::milliseconds total_wait{600000};   // past it, give up (the task keeps running)
};

struct TaskOutcome {
  std::string task_id;
  std::string csv;
  int checks = 0;
  std::chrono::milliseconds waited{0};
  std::vector<std::string> request_ids;  // create, then each check
};

// The create body for a report's (prepared, upstream) params: the fields report/task/create/
// takes, with output_format CSV_STRING and enable_report_title_translation false, so the CSV
// header has the field names. Paging params are left out (tasks are not paged).
nlohmann::json report_task_body(const nlohmann::json& params);

// Creates the task, waits for it and downloads its CSV. Throws execution::UpstreamError: the
// client's errors; Upstream when the task FAILED (with TikTok's message) or was CANCELED;
// Timeout past polling.total_wait (naming the task id, which can still be downloaded later);
// Cancelled when the call is.
TaskOutcome run_report_task(const Client& client, const nlohmann::json& body, const TaskPolling& polling,
                            const execution::CallContext& context);

// The CSV of a finished task (report/task/download/).
std::string download_report_task(const Client& client, const std::string& advertiser_id, const std::string& task_id,
                                 const std::stop_token& stop);

}  // namespace tiktok
