#pragma once
// One interface, several upstreams: DirectExecutor calls the TikTok API (or the built-in demo
// account), HostedExecutor calls Airbyte's execute endpoint. An executor fetches one page of
// one action; the runner (execution/runner.hpp) builds pagination and report windows on top.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"
#include "execution/call_context.hpp"

namespace execution {

using nlohmann::json;

struct Page {
  json records = json::array();
  json page_info;          // {page, page_size, total_number, total_page} or null
  std::string request_id;  // the upstream's id for this exchange
  json extra_meta = json::object();  // anything else worth passing on (hosted: cursor, has_more)
};

struct Target {
  const catalog::Entity& entity;
  const catalog::Action& action;
  std::optional<std::string> connector_id;  // hosted mode: which connector to run against
};

// What a write's upstream answered when it succeeded (wholly or in part).
struct WriteAnswer {
  json data;               // the envelope's data
  std::string request_id;
  long long code = 0;      // 0, or a partial-success code
  std::string message;
};

struct CheckReport {
  bool ok = false;
  json details = json::object();  // mode, host, advertisers reachable, latency_ms, ...
};

class Executor {
 public:
  virtual ~Executor() = default;

  // Fetches one page. Throws UpstreamError on any failure (never returns an error as data).
  virtual Page fetch(const Target& target, const json& params, const CallContext& context) = 0;

  // Sends one write (target.action.write) with this body, once or with the retries its
  // idempotency allows. Throws UpstreamError (outcome_unknown set when it may have been applied).
  // Modes without writes throw an Unsupported UpstreamError.
  virtual WriteAnswer write(const Target& target, const json& body, const CallContext& context);

  // Runs a report (target.action.report) as one async task upstream (TikTok's report/task/
  // create, check until done, download): every row of the whole range at once, no paging, as
  // flat records. Waits with progress reports and stops (cancelling the task) when the call is
  // cancelled. extra_meta carries task_id. Modes without async reports throw an Unsupported
  // UpstreamError.
  virtual Page run_report_task(const Target& target, const json& params, const CallContext& context);
  // Whether run_report_task can work here (the runner switches to it only then).
  virtual bool runs_report_tasks() const { return false; }

  // Verifies configuration and credentials with a real call.
  virtual CheckReport check(const CallContext& context) = 0;

  virtual std::string mode() const = 0;  // "direct", "demo", "hosted", "unconfigured"
};

}  // namespace execution
