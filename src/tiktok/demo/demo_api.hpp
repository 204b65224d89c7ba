#pragma once
// The demo account behind TikTok's own API surface: answers the same paths and parameters
// with the same envelopes, pagination and error codes, in-process. The demo mode's transport,
// and the data engine of the fake TikTok server in the tests.
//
// Each DemoApi starts from a copy of account() that its writes (POST) change, so later reads
// of campaigns, ad groups and ads show them. Reports stay on the generated account: past
// delivery does not change when a campaign is paused or its budget changes, and a new
// campaign has delivered nothing yet.
//
// HTTP, as send() answers it: 200 with an envelope for a known path and method (errors are
// body codes, as TikTok's are); 404 "404 page not found" for an unknown path; 405 "405 method
// not allowed" for a known path asked with the other method (GET of a write, POST of a read).

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "net/http_transport.hpp"
#include "tiktok/demo/demo_report_tasks.hpp"
#include "tiktok/demo/demo_writes.hpp"

namespace tiktok::demo {

class DemoApi : public net::HttpTransport {
 public:
  DemoApi();

  // An envelope for a GET of an API path ("/campaign/get/") and its decoded query parameters,
  // or nullopt when the path takes no GET. Thread-safe.
  std::optional<nlohmann::json> handle(const std::string& path, const std::map<std::string, std::string>& query) const;

  // An envelope for a POST of an API path ("/campaign/update/") and its JSON body, or nullopt
  // when the path takes no POST. A body that is not a JSON object is refused with 40002. A
  // write either applies in full or, refused, changes nothing. Thread-safe.
  std::optional<nlohmann::json> handle_post(const std::string& path, const nlohmann::json& body);

  net::HttpResult send(const net::HttpRequest& request, const std::stop_token& stop) override;

 private:
  mutable std::shared_mutex mutex_;
  DemoState state_;
  ReportTasks tasks_;  // async reports (demo_report_tasks.hpp), answered by send() only
};

}  // namespace tiktok::demo
