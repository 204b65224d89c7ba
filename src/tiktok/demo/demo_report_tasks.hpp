#pragma once
// The demo account's async reports, in TikTok v1.3 shapes: POST report/task/create/ checks the
// query as the sync report does, but without span limits, and returns a task_id; GET
// report/task/check/ answers QUEUING on a task's first check, PROCESSING on its second and
// SUCCESS from its third on (deterministic); GET report/task/download/ of a finished task
// answers with the CSV (text/csv) of the rows the sync report gives for the whole range, no
// paging, the header being the field names; POST report/task/cancel/ makes an unfinished
// task CANCELED. An unknown task_id (or one of another advertiser) is 40002, a download before
// SUCCESS 40201, of a cancelled task 40200. Tasks belong to one DemoApi; thread-safe.

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "net/http_types.hpp"
#include "tiktok/demo/demo_reports.hpp"

namespace tiktok::demo {

class ReportTasks {
 public:
  // The answer to a request of a report/task/ path (405 for the wrong method), or nullopt for
  // any other path.
  std::optional<net::HttpResult> answer(const net::HttpRequest& request);

  // Whether the path is one of report/task/'s.
  static bool is_task_path(const std::string& path);

 private:
  struct Task {
    std::string advertiser_id;
    ReportQuery query;
    int checks = 0;
    bool cancelled = false;
  };

  nlohmann::json create(const nlohmann::json& body);
  nlohmann::json check(const std::map<std::string, std::string>& query);
  nlohmann::json cancel(const nlohmann::json& body);
  std::string download(const std::map<std::string, std::string>& query);
  Task& find(const std::string& advertiser_id, const std::string& task_id);  // the caller holds mutex_

  std::mutex mutex_;
  std::map<std::string, Task> tasks_;  // by task_id
  long long created_ = 0;
};

}  // namespace tiktok::demo
