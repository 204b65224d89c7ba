// Async reports (params.async, and the automatic switch above 20,000 ad rows) against the fake
// TikTok server: report/task/create, check with backoff through the client's sleeper, download
// of the CSV, FAILED and CANCELED tasks, cancellation, the wait limit; then through the whole
// server (progress notifications, demo mode) and hosted mode's refusal.

#include <catch2/catch.hpp>

#include <algorithm>

#include "app/server_factory.hpp"
#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "execution/runner.hpp"
#include "execution/upstream_error.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "hosted_rig.hpp"
#include "net/http_client.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/recording_sleeper.hpp"
#include "support/session_client.hpp"
#include "tiktok/client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/direct_executor.hpp"

using namespace std::chrono_literals;
using execution::ErrorCategory;
using execution::UpstreamError;
using fakes::Fault;
using nlohmann::json;

namespace {

const std::string kToken = canary::kTikTokAccessToken;
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;
constexpr const char* kCreate = "/report/task/create/";
constexpr const char* kCheck = "/report/task/check/";
constexpr const char* kDownload = "/report/task/download/";
constexpr const char* kCancel = "/report/task/cancel/";

tiktok::TaskPolling polling(std::chrono::milliseconds first = 1000ms, std::chrono::milliseconds total = 600000ms) {
  tiktok::TaskPolling p;
  p.first_wait = first;
  p.max_wait = 15 * first;
  p.total_wait = total;
  return p;
}

// A direct-mode executor on the fake TikTok server whose waits are recorded, not slept.
struct TaskRig {
  explicit TaskRig(tiktok::TaskPolling p = polling()) : fake(kToken), http(net::HttpClientOptions{}) {
    tiktok::ClientOptions options;
    options.base_url = fake.base_url();
    options.access_token = kToken;
    options.retry.max_attempts = 1;
    client = std::make_unique<tiktok::Client>(http, nullptr, options, sleeper.fn());
    tiktok::DirectSettings settings;
    settings.report_tasks = p;
    executor = std::make_unique<tiktok::DirectExecutor>(*client, settings);
  }

  execution::RunResult run(const std::string& entity, json params, const execution::CallContext& context = {}) {
    const catalog::Entity* e = catalog::Catalog::builtin().find(entity);
    const catalog::Action* a = e->find_action("list");
    auto prepared = catalog::prepare_params(*a, std::move(params), {kAdv});
    REQUIRE(prepared.issues.empty());
    return execution::run(*executor, {*e, *a, std::nullopt}, std::move(prepared.params), context);
  }

  UpstreamError failure(const std::string& entity, json params, const execution::CallContext& context = {}) {
    try {
      run(entity, std::move(params), context);
    } catch (const UpstreamError& e) {
      return e;
    }
    FAIL("expected an UpstreamError");
    throw;
  }

  std::vector<fakes::RecordedRequest> requests_to(const std::string& path) const {
    std::vector<fakes::RecordedRequest> out;
    for (const auto& r : fake.requests()) {
      if (r.path == path) out.push_back(r);
    }
    return out;
  }

  fakes::FakeTikTokServer fake;
  net::HttpClient http;
  test::RecordingSleeper sleeper;
  std::unique_ptr<tiktok::Client> client;
  std::unique_ptr<tiktok::DirectExecutor> executor;
};

json week(json extra = json::object()) {
  json p{{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"}};
  p.update(extra);
  return p;
}

// Rows in a stable order, whatever order the windows or the task gave them in.
json sorted_rows(json rows) {
  std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return rows;
}

}  // namespace

TEST_CASE("async: a task is created, checked with growing waits until SUCCESS, and its CSV downloaded") {
  TaskRig rig;
  std::vector<std::string> progress;
  execution::CallContext context;
  context.progress = [&](double, std::optional<double>, const std::string& m) { progress.push_back(m); };
  auto result = rig.run("ads_reports_daily", week({{"async", true}}), context);

  CHECK(rig.fake.count(kCreate) == 1);
  CHECK(rig.fake.count(kCheck) == 3);  // QUEUING, PROCESSING, SUCCESS
  CHECK(rig.fake.count(kDownload) == 1);
  CHECK(rig.fake.count("/report/integrated/get/") == 0);
  CHECK(rig.sleeper.waits() == std::vector<std::chrono::milliseconds>{1000ms, 2000ms});
  REQUIRE(progress.size() == 2);
  CHECK_THAT(progress[0], Catch::Contains("QUEUING"));
  CHECK_THAT(progress[1], Catch::Contains("PROCESSING"));

  const json body = json::parse(rig.requests_to(kCreate)[0].body);
  CHECK(body["output_format"] == "CSV_STRING");
  CHECK(body["enable_report_title_translation"] == false);
  CHECK(body["advertiser_id"] == kAdv);
  CHECK(body["dimensions"] == json{"ad_id", "stat_time_day"});
  CHECK(body["start_date"] == "2026-10-01");
  for (const char* absent : {"async", "page", "page_size"}) CHECK_FALSE(body.contains(absent));
  const auto check = rig.requests_to(kCheck)[0];
  CHECK(check.params.at("advertiser_id") == kAdv);

  const json& meta = result.meta;
  REQUIRE(meta["task_id"].is_string());
  CHECK(check.params.at("task_id") == meta["task_id"]);
  CHECK(rig.requests_to(kDownload)[0].params.at("task_id") == meta["task_id"]);
  CHECK(meta["async"]["checks"] == 3);
  CHECK(meta["async"]["waited_ms"] == 3000);
  CHECK(meta["async"]["rows"] == result.data.size());
  CHECK(meta["async_reason"] == "params.async is true");
  CHECK(meta["has_more"] == false);
  CHECK_THAT(meta["async"]["how"].get<std::string>(), Catch::Contains("report/task/download"));

  // The same rows, values and nulls as the sync report of the same query.
  auto sync = rig.run("ads_reports_daily", week());
  REQUIRE_FALSE(result.data.empty());
  CHECK(result.data.size() == sync.data.size());
  CHECK(sorted_rows(result.data) == sorted_rows(sync.data));
  bool saw_null = false;
  for (const auto& row : result.data) saw_null = saw_null || row["cost_per_conversion"].is_null();
  CHECK(saw_null);
}

TEST_CASE("async: a 90-day daily report is one task whose rows equal the sync report's three windows") {
  TaskRig rig;
  json quarter{{"start_date", "2026-07-01"}, {"end_date", "2026-09-28"}, {"metrics", "spend,impressions,ctr,campaign_name"}};
  auto sync = rig.run("campaigns_reports_daily", quarter);
  CHECK(sync.meta["windows"].size() == 3);
  quarter["async"] = true;
  rig.fake.reset_log();
  auto async = rig.run("campaigns_reports_daily", quarter);
  CHECK(rig.fake.count(kCreate) == 1);
  CHECK(rig.fake.count("/report/integrated/get/") == 0);
  CHECK(async.data.size() == 5 * 90);
  CHECK(sorted_rows(async.data) == sorted_rows(sync.data));
}

TEST_CASE("async: params.limit caps the task's rows as it caps sync rows") {
  TaskRig rig;
  auto result = rig.run("ads_reports_daily", week({{"async", true}, {"limit", 5}}));
  CHECK(result.data.size() == 5);
  CHECK(result.meta["has_more"] == true);
  CHECK(result.meta["stopped_at_limit"] == 5);
  CHECK_THAT(result.meta["note"].get<std::string>(), Catch::Contains("raise params.limit"));
}

TEST_CASE("async: a FAILED task is an error with TikTok's message and the task id") {
  TaskRig rig;
  rig.fake.queue(Fault::success_data({{"task_id", "1"}, {"status", "FAILED"}, {"message", "Too many metrics"}})
                     .for_path(kCheck));
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::Upstream);
  CHECK_THAT(e.describe(), Catch::Contains("FAILED at TikTok: Too many metrics"));
  CHECK_THAT(e.describe(), Catch::Contains("task 74"));
  CHECK_THAT(e.describe(), Catch::Contains("What to do:"));
  CHECK(rig.fake.count(kDownload) == 0);
}

TEST_CASE("async: a task CANCELED upstream is an error that says so") {
  TaskRig rig;
  rig.fake.queue(Fault::success_data({{"status", "QUEUING"}}).for_path(kCheck));
  rig.fake.queue(Fault::success_data({{"status", "CANCELED"}}).for_path(kCheck));
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::Upstream);
  CHECK_THAT(e.describe(), Catch::Contains("was CANCELED at TikTok"));
  CHECK(rig.fake.count(kCheck) == 2);
  CHECK(rig.fake.count(kCancel) == 0);
}

TEST_CASE("async: an unknown status is an unexpected response, not a silent success") {
  TaskRig rig;
  rig.fake.queue(Fault::success_data({{"status", "DONE"}}).for_path(kCheck));
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::BadResponse);
  CHECK_THAT(e.describe(), Catch::Contains("status DONE"));
}

TEST_CASE("async: cancelling the call stops the waiting and cancels the task upstream, once") {
  TaskRig rig;
  rig.sleeper.refuse();  // the first wait ends as if the call were cancelled during it
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::Cancelled);
  CHECK(rig.fake.count(kCheck) == 1);
  CHECK(rig.fake.count(kDownload) == 0);
  REQUIRE(rig.fake.count(kCancel) == 1);
  const json cancel = json::parse(rig.requests_to(kCancel)[0].body);
  const std::string task_id = cancel["task_id"];
  CHECK(cancel["advertiser_id"] == kAdv);
  CHECK(task_id == rig.requests_to(kCheck)[0].params.at("task_id"));
  // the fake's task is CANCELED now
  auto status = rig.client->get("report/task/check/", {{"advertiser_id", kAdv}, {"task_id", task_id}}, {});
  CHECK(status.data["status"] == "CANCELED");
}

TEST_CASE("async: a call cancelled before it starts creates no task") {
  TaskRig rig;
  std::stop_source stop;
  stop.request_stop();
  execution::CallContext context;
  context.stop = stop.get_token();
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}), context);
  CHECK(e.category() == ErrorCategory::Cancelled);
  CHECK(rig.fake.count() == 0);
}

TEST_CASE("async: past the wait limit the error names the task id, which can be downloaded later") {
  TaskRig rig(polling(1000ms, 1500ms));
  rig.fake.queue(Fault::success_data({{"status", "PROCESSING"}}).for_path(kCheck), 5);
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::Timeout);
  CHECK(rig.sleeper.waits() == std::vector<std::chrono::milliseconds>{1000ms, 500ms});
  CHECK(rig.fake.count(kCheck) == 3);
  const std::string task_id = rig.requests_to(kCheck)[0].params.at("task_id");
  CHECK_THAT(e.describe(), Catch::Contains("task " + task_id + " is still PROCESSING"));
  CHECK_THAT(e.describe(), Catch::Contains("downloaded later"));
  CHECK_THAT(e.describe(), Catch::Contains("TIKTOK_MARKETING_REPORT_TASK_TIMEOUT_MS"));
  CHECK(rig.fake.count(kCancel) == 0);  // it keeps running
}

TEST_CASE("async: a download answered with an error envelope, or with JSON data, is an error") {
  TaskRig rig;
  rig.fake.queue(Fault::body_code(40201, "Task is not ready").for_path(kDownload));
  auto not_ready = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(not_ready.details().code == 40201);
  CHECK_THAT(not_ready.describe(), Catch::Contains("Task is not ready"));

  rig.fake.queue(Fault::success_data({{"download_url", "https://example.invalid/x.csv"}}).for_path(kDownload));
  auto json_data = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(json_data.category() == ErrorCategory::BadResponse);
  CHECK_THAT(json_data.describe(), Catch::Contains("raw text was expected"));
}

TEST_CASE("async: a create refused by TikTok creates nothing to wait for") {
  TaskRig rig;
  rig.fake.queue(Fault::body_code(40002, "dimensions: Invalid dimension").for_path(kCreate));
  auto e = rig.failure("ads_reports_daily", week({{"async", true}}));
  CHECK(e.category() == ErrorCategory::InvalidParams);
  CHECK(rig.fake.count(kCheck) == 0);
}

TEST_CASE("async: a sync ad report of more than 20,000 rows switches to a task and says why") {
  TaskRig rig;
  rig.fake.serve_synthetic({.report_rows = 25000});
  auto result = rig.run("ads_reports_daily", week());
  CHECK(rig.fake.count("/report/integrated/get/") == 1);  // the first page said how many rows there are
  CHECK(rig.fake.count(kCreate) == 1);
  CHECK(result.meta["task_id"].is_string());
  CHECK_THAT(result.meta["async_reason"].get<std::string>(), Catch::Contains("25000 rows at data_level AUCTION_AD"));
  CHECK_THAT(result.meta["async_reason"].get<std::string>(), Catch::Contains("params.async: false"));

  SECTION("async: false keeps it synchronous") {
    rig.fake.reset_log();
    auto sync = rig.run("ads_reports_daily", week({{"async", false}}));
    CHECK(rig.fake.count(kCreate) == 0);
    CHECK(sync.meta["page_info"]["total_number"] == 25000);
    CHECK(sync.meta["has_more"] == true);
  }
  SECTION("other levels are not capped and stay synchronous") {
    rig.fake.reset_log();
    auto campaigns = rig.run("campaigns_reports_daily", week());
    CHECK(rig.fake.count(kCreate) == 0);
    CHECK_FALSE(campaigns.meta.contains("task_id"));
  }
}

TEST_CASE("async: the fake's task endpoints check what TikTok checks") {
  TaskRig rig;
  auto code_of = [&](const std::string& method, const std::string& path, const json& params) -> long long {
    try {
      if (method == "POST") rig.client->post(path, params, upstream::Idempotency::NonIdempotent, {});
      else rig.client->get(path, params, {});
      return 0;
    } catch (const UpstreamError& e) {
      return e.details().code.value_or(-1);
    }
  };
  json create{{"advertiser_id", kAdv}, {"report_type", "BASIC"}, {"data_level", "AUCTION_AD"},
              {"dimensions", {"ad_id", "stat_time_day"}}, {"start_date", "2026-01-01"}, {"end_date", "2026-12-31"}};
  json no_dimensions = create;
  no_dimensions.erase("dimensions");
  CHECK(code_of("POST", "report/task/create/", no_dimensions) == 40002);
  json bad_metric = create;
  bad_metric["metrics"] = {"no_such_metric"};
  CHECK(code_of("POST", "report/task/create/", bad_metric) == 40002);
  json other_advertiser = create;
  other_advertiser["advertiser_id"] = "123";
  CHECK(code_of("POST", "report/task/create/", other_advertiser) == 40001);

  // a whole year of daily rows: no span limit for tasks
  auto created = rig.client->post("report/task/create/", create, upstream::Idempotency::NonIdempotent, {});
  const std::string task_id = created.data["task_id"];
  json task{{"advertiser_id", kAdv}, {"task_id", task_id}};
  CHECK(code_of("GET", "report/task/download/", task) == 40201);  // not checked to SUCCESS yet
  CHECK(code_of("GET", "report/task/check/", {{"advertiser_id", kAdv}, {"task_id", "999"}}) == 40002);
  CHECK(code_of("GET", "report/task/check/", {{"advertiser_id", "7100000000000000002"}, {"task_id", task_id}}) == 40002);
  std::vector<std::string> statuses;
  for (int i = 0; i < 4; ++i) statuses.push_back(rig.client->get("report/task/check/", task, {}).data["status"]);
  CHECK(statuses == std::vector<std::string>{"QUEUING", "PROCESSING", "SUCCESS", "SUCCESS"});
  const std::string csv = rig.client->get_text("report/task/download/", task, {});
  CHECK(csv.rfind("ad_id,stat_time_day,spend,impressions\n", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') > 365);
  // the download's content type, as the fake sends it
  httplib::Client http(rig.fake.base_url().substr(0, rig.fake.base_url().find("/open_api")));
  auto raw = http.Get(std::string(fakes::FakeTikTokServer::kPrefix) + "/report/task/download/?advertiser_id=" + kAdv +
                          "&task_id=" + task_id,
                      httplib::Headers{{"Access-Token", kToken}});
  REQUIRE(raw);
  CHECK(raw->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
  CHECK(code_of("POST", "report/task/cancel/", task) == 40002);  // finished tasks cannot be cancelled
  CHECK(code_of("POST", "report/task/cancel/", {{"advertiser_id", kAdv}, {"task_id", "999"}}) == 40002);
}

namespace {

struct Running {
  explicit Running(const config::Config& c) : app(app::build(c)), client(*app.server) { client.initialize(); }
  ~Running() { app.server->join(); }

  json execute(const std::string& entity, json params, json meta = nullptr) {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", "list"}, {"params", params}}, meta)["result"];
  }

  app::App app;
  test::SessionClient client;
};

}  // namespace

TEST_CASE("async through the server: progress notifications while the task runs, rows bounded like any list") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = test::direct_config(fake.base_url());
  c.upstream.report_task_poll = 1ms;
  c.output_max_chars = 6000;
  Running r(c);
  auto result = r.execute("ads_reports_daily", week({{"async", true}}), {{"progressToken", "tok"}});
  REQUIRE_FALSE(result.contains("isError"));
  const auto& sc = result["structuredContent"];
  CHECK(sc["meta"]["mode"] == "direct");
  CHECK(sc["meta"]["task_id"].is_string());
  CHECK(sc["meta"]["truncated"]["omitted"].get<int>() > 0);  // the output bound cut whole rows
  CHECK(result["content"][0]["text"].get<std::string>().size() <= 6000);
  auto progress = r.client.notifications("notifications/progress");
  REQUIRE(progress.size() >= 2);
  CHECK_THAT(progress[0]["params"]["message"].get<std::string>(), Catch::Contains("QUEUING"));
  CHECK_THAT(progress[1]["params"]["message"].get<std::string>(), Catch::Contains("PROCESSING"));
  CHECK(fake.count(kCreate) == 1);
}

TEST_CASE("async through the server: a bad params.async is refused before any call") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(test::direct_config(fake.base_url()));
  auto result = r.execute("ads_reports_daily", week({{"async", "sometimes"}}));
  CHECK(result["isError"] == true);
  CHECK_THAT(result["content"][0]["text"].get<std::string>(), Catch::Contains("params.async"));
  CHECK(fake.count() == 0);
}

TEST_CASE("async in demo mode: a daily report over 90 days runs as one task") {
  config::Config c;
  c.demo = true;
  Running r(c);
  json params{{"start_date", "2026-07-01"}, {"end_date", "2026-09-28"}, {"metrics", "spend,clicks"}, {"async", true}};
  auto result = r.execute("campaigns_reports_daily", params);
  REQUIRE_FALSE(result.contains("isError"));
  const auto& sc = result["structuredContent"];
  CHECK(sc["meta"]["demo"] == true);
  CHECK(sc["meta"]["task_id"].is_string());
  CHECK(sc["meta"]["async"]["checks"] == 3);
  CHECK(sc["data"].size() == 5 * 90);
  CHECK_FALSE(sc["meta"].contains("windows"));
  params.erase("async");
  auto sync = r.execute("campaigns_reports_daily", params)["structuredContent"];
  CHECK(sync["meta"]["windows"].size() == 3);
  CHECK(sorted_rows(sc["data"]) == sorted_rows(sync["data"]));
}

TEST_CASE("async in hosted mode is refused, saying it needs direct mode") {
  test::HostedRig rig;
  const catalog::Entity* e = catalog::Catalog::builtin().find("ads_reports_daily");
  const catalog::Action* a = e->find_action("list");
  auto prepared = catalog::prepare_params(*a, week({{"async", true}}), {kAdv});
  REQUIRE(prepared.issues.empty());
  try {
    execution::run(rig.executor, {*e, *a, std::nullopt}, prepared.params, {});
    FAIL("expected an error");
  } catch (const UpstreamError& error) {
    CHECK(error.category() == ErrorCategory::Unsupported);
    CHECK_THAT(error.describe(), Catch::Contains("hosted mode cannot do: async reports need direct mode"));
    CHECK_THAT(error.describe(), Catch::Contains("Drop params.async"));
  }
}
