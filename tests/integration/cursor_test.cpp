// Resumable results through the whole server against the fake TikTok API: a large list and a
// split daily report read in small bounded results by following meta.next_cursor give exactly
// the records of one unbounded read, in the same order; cursors alone or with the same params
// continue, and cursors for other params, other entities or garbage are refused with reasons.

#include <catch2/catch.hpp>

#include <set>

#include "app/server_factory.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/session_client.hpp"

using nlohmann::json;

namespace {

struct CursorServer {
  CursorServer(const fakes::FakeTikTokServer& fake, std::size_t max_chars) : app(app::build(config_for(fake, max_chars))), client(*app.server) {
    client.initialize();
  }
  ~CursorServer() { app.server->join(); }

  static config::Config config_for(const fakes::FakeTikTokServer& fake, std::size_t max_chars) {
    auto c = test::direct_config(fake.base_url());
    c.output_max_chars = max_chars;
    c.upstream.rate_limit_qps = 100000;  // the walks make hundreds of requests
    c.upstream.rate_limit_qpm = 1000000;
    return c;
  }

  json execute(const std::string& entity, const json& params) {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", "list"}, {"params", params}})["result"];
  }

  app::App app;
  test::SessionClient client;
};

std::string text_of(const json& result) { return result["content"][0]["text"].get<std::string>(); }

struct Walk {
  json records = json::array();
  std::size_t calls = 0;
  std::size_t truncated_calls = 0;
};

// Follows meta.next_cursor from a first call with `params` until a result has none.
Walk walk(CursorServer& server, const std::string& entity, const json& params, std::size_t max_chars) {
  Walk w;
  json next = params;
  while (true) {
    REQUIRE(w.calls < 1000);
    auto result = server.execute(entity, next);
    ++w.calls;
    INFO(text_of(result).substr(0, 400));
    REQUIRE_FALSE(result.contains("isError"));
    CHECK(text_of(result).size() <= max_chars);
    const auto& sc = result["structuredContent"];
    REQUIRE_FALSE(sc["data"].empty());
    if (sc["meta"].contains("truncated")) ++w.truncated_calls;
    for (const auto& r : sc["data"]) w.records.push_back(r);
    if (!sc["meta"].contains("next_cursor")) return w;
    REQUIRE(sc["meta"]["next_cursor"].is_string());
    next = {{"cursor", sc["meta"]["next_cursor"]}};
  }
}

json first_result(CursorServer& server, const std::string& entity, const json& params) {
  auto result = server.execute(entity, params);
  INFO(text_of(result));
  REQUIRE_FALSE(result.contains("isError"));
  return result["structuredContent"];
}

const json kQuarter = {{"start_date", "2026-07-01"}, {"end_date", "2026-09-28"}, {"metrics", "spend,impressions"}};

}  // namespace

TEST_CASE("a large list read in small bounded results by cursor is the whole list, once each, in order") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  fake.serve_synthetic({.campaigns = 2500});
  CursorServer whole_server(fake, 100000000);
  constexpr std::size_t kBound = 40000;
  CursorServer bounded(fake, kBound);

  auto whole = first_result(whole_server, "campaigns", {{"all_pages", true}});
  REQUIRE(whole["data"].size() == 2500);
  CHECK_FALSE(whole["meta"].contains("next_cursor"));

  SECTION("page by page (page_size 1000), cut by the output bound") {
    auto w = walk(bounded, "campaigns", json::object(), kBound);
    CHECK(w.records == whole["data"]);
    CHECK(w.truncated_calls > 3);
    CHECK(w.calls > 10);
  }
  SECTION("with all_pages, each continuation reads on from where the last one stopped") {
    auto w = walk(bounded, "campaigns", {{"all_pages", true}}, kBound);
    CHECK(w.records == whole["data"]);
  }
  SECTION("with a limit across page boundaries (limit 700, page_size 300)") {
    auto w = walk(bounded, "campaigns", {{"limit", 700}, {"page_size", 300}, {"fields", "campaign_id,campaign_name"}}, kBound);
    json ids = json::array();
    for (const auto& r : whole["data"]) ids.push_back(r["campaign_id"]);
    json walked = json::array();
    for (const auto& r : w.records) walked.push_back(r["campaign_id"]);
    CHECK(walked == ids);
    CHECK(w.calls >= 4);  // at least ceil(2500 / 700) chunks
  }
}

TEST_CASE("a daily report over 90 days (split windows) read by cursor is the whole report, once each, in order") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  fake.serve_synthetic({.report_rows = 2500});  // 2,500 rows per 30-day window: 3 pages of 1,000 each
  CursorServer whole_server(fake, 100000000);
  constexpr std::size_t kBound = 60000;
  CursorServer bounded(fake, kBound);

  auto whole = first_result(whole_server, "campaigns_reports_daily", kQuarter);
  REQUIRE(whole["data"].size() == 7500);
  REQUIRE(whole["meta"]["windows"].size() == 3);
  CHECK_FALSE(whole["meta"].contains("next_cursor"));

  auto w = walk(bounded, "campaigns_reports_daily", kQuarter, kBound);
  CHECK(w.records.size() == 7500);
  CHECK(w.records == whole["data"]);
  std::set<std::string> keys;
  for (const auto& r : w.records) keys.insert(r["campaign_id"].get<std::string>() + "/" + r["stat_time_day"].get<std::string>());
  CHECK(keys.size() == 7500);
  CHECK(w.calls > 9);
}

TEST_CASE("a cursor continues alone or with the same params, and after a restart") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  fake.serve_synthetic({.report_rows = 2500});
  json first;
  {
    CursorServer server(fake, 30000);
    first = first_result(server, "campaigns_reports_daily", kQuarter);
  }
  REQUIRE(first["meta"].contains("next_cursor"));
  const json cursor = first["meta"]["next_cursor"];
  CHECK(cursor.get<std::string>().size() < 400);  // the schema's defaults (the long metric list) are left out
  CursorServer restarted(fake, 30000);
  auto alone = first_result(restarted, "campaigns_reports_daily", {{"cursor", cursor}});
  json with_params = kQuarter;
  with_params["cursor"] = cursor;
  auto same = first_result(restarted, "campaigns_reports_daily", with_params);
  CHECK(alone["data"] == same["data"]);
  CHECK(alone["meta"]["next_cursor"] == same["meta"]["next_cursor"]);
  CHECK(alone["data"][0] != first["data"].back());
  CHECK(alone["data"][0]["stat_time_day"] >= first["data"].back()["stat_time_day"]);
}

TEST_CASE("a cursor for other params, another entity, or garbage is refused with the reason") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  fake.serve_synthetic({.campaigns = 2500, .report_rows = 2500});
  CursorServer server(fake, 30000);
  auto report = first_result(server, "campaigns_reports_daily", kQuarter);
  const std::string cursor = report["meta"]["next_cursor"].get<std::string>();

  json other_end = kQuarter;
  other_end["end_date"] = "2026-09-27";
  other_end["cursor"] = cursor;
  auto differs = server.execute("campaigns_reports_daily", other_end);
  CHECK(differs["isError"] == true);
  CHECK_THAT(text_of(differs), Catch::Contains("end_date differs (the cursor's: \"2026-09-28\", given: \"2026-09-27\")"));

  json with_limit = kQuarter;
  with_limit["limit"] = 10;
  with_limit["cursor"] = cursor;
  CHECK_THAT(text_of(server.execute("campaigns_reports_daily", with_limit)),
             Catch::Contains("limit differs (the cursor's: absent, given: 10)"));

  auto other_entity = server.execute("ads_reports_daily", {{"cursor", cursor}});
  CHECK(other_entity["isError"] == true);
  CHECK_THAT(text_of(other_entity),
             Catch::Contains("was returned by campaigns_reports_daily.list, not by ads_reports_daily.list"));

  auto garbage = server.execute("campaigns", {{"cursor", "not-a-cursor"}});
  CHECK(garbage["isError"] == true);
  CHECK_THAT(text_of(garbage), Catch::Contains("params.cursor is not a cursor made by this server"));

  std::string corrupted = cursor;
  corrupted[corrupted.size() / 2] = corrupted[corrupted.size() / 2] == 'x' ? 'y' : 'x';
  CHECK_THAT(text_of(server.execute("campaigns_reports_daily", {{"cursor", corrupted}})), Catch::Contains("corrupted"));
  CHECK_THAT(text_of(server.execute("campaigns", {{"cursor", 42}})),
             Catch::Contains("params.cursor must be the string meta.next_cursor of an earlier result, not a number"));

  // and the server carries on
  CHECK_FALSE(server.execute("campaigns_reports_daily", {{"cursor", cursor}}).contains("isError"));
}

TEST_CASE("a result with nothing after it has no next_cursor") {
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken);
  CursorServer server(fake, 100000);
  auto campaigns = first_result(server, "campaigns", json::object());
  REQUIRE_FALSE(campaigns["data"].empty());
  CHECK_FALSE(campaigns["meta"].contains("next_cursor"));
  auto paged = first_result(server, "campaigns", {{"page_size", 2}});
  REQUIRE(paged["meta"].contains("next_cursor"));
  CHECK(paged["meta"]["next_page"] == 2);
}
