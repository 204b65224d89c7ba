// The TikTok tools end to end inside the process: a Server built by the app for a Config that
// points at the fake TikTok server, driven through an MCP session like a client would.

#include <catch2/catch.hpp>


#include "app/server_factory.hpp"
#include "catalog/catalog.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/log_capture.hpp"
#include "support/session_client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_structure_data.hpp"

using fakes::Fault;
using nlohmann::json;

namespace {

const std::string kToken = canary::kTikTokAccessToken;
const std::string kAppSecret = canary::kTikTokAppSecret;
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;

config::Config direct_config(const fakes::FakeTikTokServer& fake) { return test::direct_config(fake.base_url()); }

struct Running {
  explicit Running(const config::Config& c) : app(app::build(c)), client(*app.server) { client.initialize(); }
  ~Running() { app.server->join(); }

  json execute(const std::string& entity, json params = json::object(), json meta = nullptr) {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", "list"}, {"params", params}}, meta)["result"];
  }

  app::App app;
  test::SessionClient client;
};

std::string text_of(const json& result) { return result["content"][0]["text"].get<std::string>(); }

}  // namespace

TEST_CASE("every entity lists through the API with the envelope unwrapped and ids as strings") {
  fakes::FakeTikTokServer fake(kToken, "7000000001", kAppSecret);
  auto c = direct_config(fake);
  c.tiktok.app_id = "7000000001";
  c.tiktok.app_secret = config::Secret(kAppSecret);
  Running r(c);
  for (std::string entity : {"advertisers", "campaigns", "ad_groups", "ads", "audiences", "creative_assets_images",
                             "creative_assets_videos", "advertiser_ids"}) {
    INFO(entity);
    auto result = r.execute(entity);
    REQUIRE_FALSE(result.contains("isError"));
    const auto& sc = result["structuredContent"];
    CHECK_FALSE(sc["data"].empty());
    CHECK(sc["meta"]["entity"] == entity);
    CHECK(sc["meta"]["mode"] == "direct");
    CHECK(json::parse(text_of(result)) == sc);
  }
  auto campaigns = r.execute("campaigns")["structuredContent"];
  CHECK(campaigns["data"][0]["campaign_id"].is_string());
  CHECK(campaigns["meta"]["page_info"]["total_number"] == 6);
  CHECK(fake.requests().back().params["page_size"] == "1000");
}

TEST_CASE("report rows come back flat, with nulls for TikTok's dashes, and long ranges are split") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto week = r.execute("ads_reports_daily", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"}})["structuredContent"];
  REQUIRE_FALSE(week["data"].empty());
  const auto& row = week["data"][0];
  CHECK(row.contains("ad_id"));
  CHECK(row.contains("stat_time_day"));
  CHECK(row.contains("spend"));
  CHECK_FALSE(row.contains("metrics"));
  bool saw_null = false;
  for (const auto& rrow : week["data"]) saw_null = saw_null || rrow["cost_per_conversion"].is_null();
  CHECK(saw_null);

  fake.reset_log();
  auto quarter = r.execute("campaigns_reports_daily",
                           {{"start_date", "2026-07-01"}, {"end_date", "2026-09-28"}, {"metrics", "spend,impressions"}});
  REQUIRE_FALSE(quarter.contains("isError"));
  CHECK(quarter["structuredContent"]["data"].size() == 5 * 90);
  CHECK(quarter["structuredContent"]["meta"]["windows"].size() == 3);
  CHECK(fake.count("/report/integrated/get/") == 3);
}

TEST_CASE("upstream errors become error results naming the category, code, request id and next step") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  fake.queue(Fault::body_code(40001, "No permission to operate advertiser"));
  auto permission = r.execute("campaigns");
  CHECK(permission["isError"] == true);
  CHECK_THAT(text_of(permission), Catch::Contains("TikTok error (permission), code 40001"));
  CHECK_THAT(text_of(permission), Catch::Contains("request_id: fake-request-id"));
  CHECK_THAT(text_of(permission), Catch::Contains("What to do:"));

  fake.queue(Fault::body_code(40100, "Too many requests"), 2);
  auto limited = r.execute("campaigns");
  CHECK_THAT(text_of(limited), Catch::Contains("rate limited"));
  CHECK_THAT(text_of(limited), Catch::Contains("Attempts: 2"));

  auto bad_advertiser = r.execute("campaigns", {{"advertiser_id", "123"}});
  CHECK_THAT(text_of(bad_advertiser), Catch::Contains("code 40001"));

  // and the server carries on
  CHECK_FALSE(r.execute("campaigns").contains("isError"));
}

TEST_CASE("invalid arguments are error results the model can correct") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto bad_entity = r.client.call("tiktok_marketing_execute", {{"entity", "campaign"}, {"action", "list"}})["result"];
  CHECK(bad_entity["isError"] == true);
  CHECK_THAT(text_of(bad_entity), Catch::Contains("arguments.entity: \"campaign\" is not one of the allowed values"));
  auto no_action = r.client.call("tiktok_marketing_execute",
                                 {{"entity", "advertiser_ids"}, {"action", "context_store_search"}})["result"];
  CHECK_THAT(text_of(no_action), Catch::Contains("has no action \"context_store_search\"; its actions are: list"));
  auto bad_date = r.execute("ads_reports_daily", {{"start_date", "2026-02-30"}, {"end_date", "2026-03-01"}});
  CHECK_THAT(text_of(bad_date), Catch::Contains("params.start_date"));
  CHECK(fake.count() == 0);  // nothing invalid reached TikTok
}

TEST_CASE("context_store_search in direct mode says it needs hosted mode") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto result = r.client.call("tiktok_marketing_execute",
                              {{"entity", "campaigns"}, {"action", "context_store_search"}, {"params", {{"query", json::object()}}}})["result"];
  CHECK(result["isError"] == true);
  CHECK_THAT(text_of(result), Catch::Contains("hosted mode"));
  CHECK_THAT(text_of(result), Catch::Contains("AIRBYTE_CLIENT_ID"));
}

TEST_CASE("advertiser discovery without app credentials names the variables to set") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto result = r.execute("advertiser_ids");
  CHECK(result["isError"] == true);
  CHECK_THAT(text_of(result), Catch::Contains("TIKTOK_MARKETING_APP_ID"));
}

TEST_CASE("output over the limit keeps whole records and says how many were left out") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = direct_config(fake);
  c.output_max_chars = 4000;
  Running r(c);
  auto result = r.execute("ads");
  REQUIRE_FALSE(result.contains("isError"));
  const auto& meta = result["structuredContent"]["meta"];
  REQUIRE(meta.contains("truncated"));
  CHECK(meta["truncated"]["omitted"].get<int>() > 0);
  CHECK(text_of(result).size() <= 4000);
}

TEST_CASE("all_pages fetches page after page with progress notifications") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto result = r.execute("ads", {{"page_size", 10}, {"all_pages", true}}, {{"progressToken", "tok"}});
  CHECK(result["structuredContent"]["data"].size() == 36);
  CHECK(result["structuredContent"]["meta"]["pages_fetched"] == 4);
  auto progress = r.client.notifications("notifications/progress");
  REQUIRE(progress.size() == 4);
  CHECK(progress.back()["params"]["progress"] == 36);
  CHECK(progress.back()["params"]["total"] == 36);
}

TEST_CASE("the check tool verifies the token with a real call and reports the advertisers") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  auto ok = r.client.call("tiktok_marketing_check", json::object())["result"]["structuredContent"];
  CHECK(ok["ok"] == true);
  CHECK(ok["mode"] == "direct");
  CHECK(ok["upstream"]["advertisers"][0]["advertiser_id"] == kAdv);
  CHECK(ok["upstream"].contains("latency_ms"));
  CHECK(ok["settings"]["TIKTOK_MARKETING_ACCESS_TOKEN"] == "set");

  auto c = direct_config(fake);
  c.tiktok.access_token = config::Secret(canary::kWrongTikTokToken);
  Running bad(c);
  auto failed = bad.client.call("tiktok_marketing_check", json::object())["result"];
  CHECK(failed["isError"] == true);
  CHECK(failed["structuredContent"]["ok"] == false);
  CHECK_THAT(failed["structuredContent"]["upstream"]["error"].get<std::string>(), Catch::Contains("40105"));
}

TEST_CASE("without credentials every call says which variables to set") {
  config::Config c;
  Running r(c);
  auto result = r.execute("campaigns", {{"advertiser_id", "1"}});
  CHECK(result["isError"] == true);
  CHECK_THAT(text_of(result), Catch::Contains("TIKTOK_MARKETING_ACCESS_TOKEN"));
  CHECK_THAT(text_of(result), Catch::Contains("--demo"));
}

TEST_CASE("without credentials the missing configuration is said before any parameter complaint") {
  config::Config c;
  Running r(c);
  // advertiser_id missing and a bogus parameter: still the configuration comes first.
  auto result = r.execute("campaigns", {{"page_size", "many"}, {"no_such_param", 1}});
  CHECK(result["isError"] == true);
  CHECK_THAT(text_of(result), Catch::StartsWith("No TikTok credentials are configured"));
  CHECK_THAT(text_of(result), Catch::Contains("TIKTOK_MARKETING_ACCESS_TOKEN"));
  CHECK_THAT(text_of(result), !Catch::Contains("page_size"));
}

TEST_CASE("demo mode serves every entity with meta.demo") {
  config::Config c;
  c.demo = true;
  Running r(c);
  for (const auto& entity : catalog::Catalog::builtin().entity_names()) {
    INFO(entity);
    json params = json::object();
    if (entity.find("reports") != std::string::npos) params = {{"start_date", "2026-10-01"}, {"end_date", "2026-10-02"}};
    if (entity == "reports") params["dimensions"] = json{"campaign_id"};  // the generic report has no default
    if (entity == "catalogs") params = {{"bc_id", tiktok::demo::kDemoBusinessCenterId}};  // TikTok requires it
    auto result = r.execute(entity, params);
    REQUIRE_FALSE(result.contains("isError"));
    CHECK(result["structuredContent"]["meta"]["demo"] == true);
    CHECK_FALSE(result["structuredContent"]["data"].empty());
  }
}

TEST_CASE("the token never appears in any output or log, even when calls fail") {
  fakes::FakeTikTokServer fake(kToken, "7000000001", kAppSecret);
  auto c = direct_config(fake);
  c.tiktok.app_id = "7000000001";
  c.tiktok.app_secret = config::Secret(kAppSecret);
  test::LogCapture logs;
  {
    Running r(c);
    fake.queue(Fault::body_code(40105, "invalid token " + kToken));  // an upstream that echoes the token
    r.execute("campaigns");
    fake.queue(Fault::html(502), 2);
    r.execute("ads");
    r.execute("advertiser_ids");
    r.execute("campaigns_reports_daily", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-03"}});
    r.client.call("tiktok_marketing_check", json::object());
    r.client.call("tiktok_marketing_describe", json::object());
    for (const auto& m : r.client.messages()) {
      const std::string wire = m.dump();
      CHECK(wire.find(kToken) == std::string::npos);
      CHECK(wire.find(kAppSecret) == std::string::npos);
    }
  }
  const std::string log = logs.text();
  CHECK_FALSE(log.empty());
  CHECK(log.find(kToken) == std::string::npos);
  CHECK(log.find(kAppSecret) == std::string::npos);
  CHECK_FALSE(canary::appears_in(log));
}
