// Hourly, lifetime, audience and generic reports through the whole server: windows of one day
// for hourly rows, lifetime totals without dates, TikTok's report rules refusing before any
// request, the automatic switch to an async task past the synchronous limits, cursors across
// hourly windows, hosted mode's lifetime form, and tools/list staying under 10 KB.

#include <catch2/catch.hpp>

#include <set>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "execution/upstream_error.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "hosted_rig.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/running_server.hpp"
#include "tiktok/demo/demo_account.hpp"

using nlohmann::json;

namespace {

const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;

config::Config demo_config() {
  config::Config c;
  c.demo = true;
  return c;
}

std::string text_of(const json& result) { return result["content"][0]["text"].get<std::string>(); }

const json& structured(const json& result) {
  INFO(result.dump().substr(0, 2000));
  REQUIRE_FALSE(result.contains("isError"));
  return result["structuredContent"];
}

// Every row of a report, following meta.next_cursor until it is absent.
json all_rows(test::RunningServer& server, const std::string& entity, json params) {
  json rows = json::array();
  for (int call = 0; call < 100; ++call) {
    const json sc = structured(server.execute(entity, params));
    for (const auto& row : sc["data"]) rows.push_back(row);
    if (!sc["meta"].contains("next_cursor")) return rows;
    params = {{"cursor", sc["meta"]["next_cursor"]}};
  }
  FAIL("the cursor never ended");
  return rows;
}

}  // namespace

TEST_CASE("hourly reports: a 3-day range is three one-day windows of 24 hours each") {
  test::RunningServer server(demo_config());
  const std::string campaign = tiktok::demo::account().campaigns[0]["campaign_id"];
  const json one_campaign = json::array(
      {{{"field_name", "campaign_ids"}, {"filter_type", "IN"}, {"filter_value", json::array({campaign}).dump()}}});
  const json sc = structured(server.execute("campaigns_reports_hourly", {{"start_date", "2026-10-01"},
                                                                         {"end_date", "2026-10-03"},
                                                                         {"metrics", json{"spend", "impressions"}},
                                                                         {"filtering", one_campaign}}));
  REQUIRE(sc["meta"]["windows"].size() == 3);
  CHECK(sc["meta"]["windows"][1] == json{{"start_date", "2026-10-02"}, {"end_date", "2026-10-02"},
                                         {"records", sc["meta"]["windows"][1]["records"]}});
  CHECK_THAT(sc["meta"]["split_reason"].get<std::string>(), Catch::Contains("stat_time_hour"));
  std::set<std::string> hours;
  for (const auto& row : sc["data"]) hours.insert(row["stat_time_hour"].get<std::string>());
  CHECK(hours.size() == 72);
  CHECK(*hours.begin() == "2026-10-01 00:00:00");
  CHECK(*hours.rbegin() == "2026-10-03 23:00:00");
}

TEST_CASE("hourly reports: a cursor walks every window without losing or repeating a row") {
  test::RunningServer server(demo_config());
  json params{{"start_date", "2026-10-01"}, {"end_date", "2026-10-02"}, {"select_fields", json{"ad_id", "stat_time_hour", "spend"}},
              {"limit", 700}};
  const json rows = all_rows(server, "ads_reports_hourly", params);
  std::set<std::string> keys;
  for (const auto& row : rows) keys.insert(row["ad_id"].get<std::string>() + row["stat_time_hour"].get<std::string>());
  CHECK(keys.size() == rows.size());
  std::size_t by_day = 0;
  for (const char* day : {"2026-10-01", "2026-10-02"}) {
    by_day += all_rows(server, "ads_reports_hourly", {{"start_date", day}, {"end_date", day}, {"limit", 700},
                                                      {"select_fields", json{"ad_id"}}})
                  .size();
  }
  CHECK(rows.size() == by_day);
  CHECK(rows.size() > 700);
}

TEST_CASE("hourly reports over more than 31 days run as one async task, saying why") {
  test::RunningServer server(demo_config());
  const json sc = structured(server.execute("campaigns_reports_hourly", {{"start_date", "2026-08-01"},
                                                                         {"end_date", "2026-09-30"},
                                                                         {"metrics", json{"spend"}},
                                                                         {"limit", 10}}));
  CHECK(sc["meta"]["task_id"].is_string());
  CHECK_THAT(sc["meta"]["async_reason"].get<std::string>(), Catch::Contains("61 synchronous requests"));
  CHECK(sc["data"].size() == 10);
  CHECK(sc["data"][0].contains("stat_time_hour"));
}

TEST_CASE("lifetime reports: no dates gives lifetime totals, dates give totals over the range") {
  test::RunningServer server(demo_config());
  const json lifetime = structured(server.execute("ads_reports_lifetime", {{"metrics", json{"spend"}}}));
  REQUIRE_FALSE(lifetime["data"].empty());
  std::set<std::string> ads;
  for (const auto& row : lifetime["data"]) {
    CHECK_FALSE(row.contains("stat_time_day"));
    ads.insert(row["ad_id"].get<std::string>());
  }
  CHECK(ads.size() == lifetime["data"].size());  // one row per ad
  const json march = structured(server.execute("ads_reports_lifetime", {{"start_date", "2026-10-01"},
                                                                        {"end_date", "2026-10-31"},
                                                                        {"metrics", json{"spend"}}}));
  CHECK_FALSE(march["meta"].contains("windows"));
  CHECK(march["data"].size() <= lifetime["data"].size());
  const json year_and_a_half = structured(server.execute("campaigns_reports_lifetime", {{"start_date", "2025-06-01"},
                                                                                       {"end_date", "2026-11-30"},
                                                                                       {"metrics", json{"spend"}}}));
  CHECK_THAT(year_and_a_half["meta"]["async_reason"].get<std::string>(), Catch::Contains("548 days"));
}

TEST_CASE("audience breakdowns through the level entities and the generic reports entity") {
  test::RunningServer server(demo_config());
  const json by_age = structured(server.execute("campaigns_reports_daily", {{"start_date", "2026-10-01"},
                                                                           {"end_date", "2026-10-02"},
                                                                           {"report_type", "AUDIENCE"},
                                                                           {"dimensions", json{"campaign_id", "age"}}}));
  REQUIRE_FALSE(by_age["data"].empty());
  CHECK(by_age["data"][0].contains("age"));
  CHECK_FALSE(by_age["data"][0].contains("reach"));  // the audience metric set replaced the default
  const json by_gender = structured(server.execute("reports", {{"start_date", "2026-10-01"},
                                                               {"end_date", "2026-10-07"},
                                                               {"report_type", "AUDIENCE"},
                                                               {"data_level", "AUCTION_ADGROUP"},
                                                               {"dimensions", json{"adgroup_id", "gender"}},
                                                               {"metrics", json{"spend", "clicks"}}}));
  std::set<std::string> genders;
  for (const auto& row : by_gender["data"]) genders.insert(row["gender"].get<std::string>());
  CHECK(genders == std::set<std::string>{"FEMALE", "MALE", "NONE"});
  const auto missing = server.execute("reports", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"}});
  CHECK(missing["isError"] == true);
  CHECK_THAT(text_of(missing), Catch::Contains("dimensions"));
}

TEST_CASE("a request that breaks a report rule is refused before any request, naming the rule and the fix") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  test::RunningServer server(test::direct_config(fake.base_url()));
  const auto refused = server.execute("ads_reports_daily", {{"start_date", "2026-10-01"},
                                                            {"end_date", "2026-10-07"},
                                                            {"dimensions", json{"campaign_id", "stat_time_day"}}});
  CHECK(refused["isError"] == true);
  CHECK_THAT(text_of(refused), Catch::Contains("ad_level_parents_in_metrics"));
  CHECK_THAT(text_of(refused), Catch::Contains("at AUCTION_AD, put campaign_id in metrics"));
  const auto uv = server.execute("reports", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"},
                                             {"report_type", "AUDIENCE"}, {"dimensions", json{"campaign_id", "gender"}},
                                             {"metrics", json{"spend", "reach"}}});
  CHECK_THAT(text_of(uv), Catch::Contains("no_unique_visitor_metrics_by_audience"));
  CHECK(fake.count("/report/integrated/get/") == 0);
  CHECK(fake.count("/report/task/create/") == 0);
}

TEST_CASE("direct mode sends query_lifetime and no dates for lifetime totals") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  test::RunningServer server(test::direct_config(fake.base_url()));
  structured(server.execute("ads_reports_lifetime", {{"metrics", json{"spend"}}}));
  const auto requests = fake.requests();
  auto report = std::find_if(requests.begin(), requests.end(),
                             [](const fakes::RecordedRequest& r) { return r.path == "/report/integrated/get/"; });
  REQUIRE(report != requests.end());
  CHECK(report->params.at("query_lifetime") == "true");
  CHECK(report->params.count("start_date") == 0);
  CHECK(report->params.at("dimensions") == R"(["ad_id"])");
}

TEST_CASE("hosted mode: lifetime totals need dates, as Airbyte's entity does") {
  test::HostedRig rig;
  const auto* e = catalog::Catalog::builtin().find("ads_reports_lifetime");
  const auto* a = e->find_action("list");
  auto prepared = catalog::prepare_params(*a, json::object(), {kAdv});
  REQUIRE(prepared.issues.empty());
  try {
    rig.executor.fetch({*e, *a, std::nullopt}, prepared.params, {});
    FAIL("expected a refusal");
  } catch (const execution::UpstreamError& error) {
    CHECK(error.category() == execution::ErrorCategory::Unsupported);
    CHECK_THAT(error.describe(), Catch::Contains("query_lifetime is direct mode only"));
    CHECK_THAT(error.describe(), Catch::Contains("Give start_date and end_date instead"));
  }
  CHECK(rig.fake.count("POST", "/api/v1/integrations/connectors/") == 0);
}

TEST_CASE("describe shows a report entity's rules; tools/list stays under 10 KB") {
  test::RunningServer server(demo_config());
  const json described = server.client.call("tiktok_marketing_describe", {{"entity", "ads_reports_hourly"}})["result"];
  const json& entity = described["structuredContent"]["entities"][0];
  REQUIRE(entity.contains("report_rules"));
  bool found = false;
  for (const auto& rule : entity["report_rules"]["rules"]) found = found || rule["id"] == "ad_level_parents_in_metrics";
  CHECK(found);
  CHECK(entity["report_rules"]["spans_days"]["stat_time_hour"] == 1);
  const json unknown = server.client.call("tiktok_marketing_describe", {{"entity", "ads_report_hourly"}})["result"];
  CHECK(unknown["isError"] == true);
  CHECK_THAT(text_of(unknown), Catch::Contains("Unknown entity \"ads_report_hourly\"; the entities are: advertisers,"));
  const json tools = server.client.request("tools/list")["result"];
  CHECK(tools.dump().size() < 10000);
}

TEST_CASE("an async report's rows continue with meta.next_cursor, none lost or repeated") {
  test::RunningServer server(demo_config());
  const json params{{"start_date", "2026-07-01"}, {"end_date", "2026-09-28"}, {"metrics", json{"spend"}},
                    {"async", true}, {"limit", 200}};
  const json first = structured(server.execute("campaigns_reports_daily", params));
  CHECK(first["data"].size() == 200);
  REQUIRE(first["meta"].contains("next_cursor"));
  const json rows = all_rows(server, "campaigns_reports_daily", params);
  json sync = params;
  sync.erase("async");
  sync.erase("limit");
  sync["all_pages"] = true;
  const json expected = structured(server.execute("campaigns_reports_daily", sync))["data"];
  REQUIRE(rows.size() == expected.size());
  std::set<std::string> seen;
  for (const auto& row : rows) seen.insert(row.dump());
  CHECK(seen.size() == rows.size());
  for (const auto& row : expected) CHECK(seen.count(row.dump()) == 1);
}

TEST_CASE("a get cut by the output bound continues with meta.next_cursor") {
  config::Config c = demo_config();
  c.output_max_chars = 6000;
  test::RunningServer server(c);
  json ids = json::array();
  for (const auto& ad : tiktok::demo::account().ads) {
    if (ad["advertiser_id"] == kAdv && ids.size() < 30) ids.push_back(ad["ad_id"]);
  }
  json params{{"ids", ids}};
  std::vector<std::string> got;
  for (int call = 0; call < 40; ++call) {
    const json sc = structured(server.execute("ads", params, "get"));
    for (const auto& ad : sc["data"]) got.push_back(ad["ad_id"].get<std::string>());
    if (!sc["meta"].contains("next_cursor")) break;
    params = {{"cursor", sc["meta"]["next_cursor"]}};
    CHECK(call < 39);
  }
  std::vector<std::string> asked;
  for (const auto& id : ids) asked.push_back(id.get<std::string>());
  CHECK(got == asked);
}
