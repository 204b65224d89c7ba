#include <catch2/catch.hpp>

#include "catalog/params.hpp"

using nlohmann::json;

namespace {

const catalog::Action& action(const std::string& entity) {
  return *catalog::Catalog::builtin().find(entity)->find_action("list");
}

catalog::PreparedParams prepare(const std::string& entity, json params, std::string advertiser = "") {
  return catalog::prepare_params(action(entity), std::move(params), {advertiser});
}

std::string problems(const catalog::PreparedParams& p) { return schema::format_issues(p.issues); }

}  // namespace

TEST_CASE("advertiser_id defaults to the configured advertiser, and page defaults are filled") {
  auto p = prepare("campaigns", json::object(), "7000000000000000001");
  REQUIRE(p.issues.empty());
  CHECK(p.params["advertiser_id"] == "7000000000000000001");
  CHECK(p.params["page"] == 1);
  CHECK(p.params["page_size"] == 1000);
  auto adv = prepare("advertisers", json::object(), "7000000000000000001");
  CHECK(adv.params["advertiser_ids"] == json{"7000000000000000001"});
}

TEST_CASE("without a configured advertiser the error says how to get one") {
  auto p = prepare("campaigns", json::object());
  CHECK_THAT(problems(p), Catch::Contains("params.advertiser_id: is required but missing"));
  CHECK_THAT(problems(p), Catch::Contains("TIKTOK_MARKETING_ADVERTISER_ID"));
  CHECK_THAT(problems(p), Catch::Contains("advertiser_ids"));
}

TEST_CASE("arrays accept JSON arrays, Airbyte-style JSON-array strings and comma lists") {
  for (json given : {json{"a_1", "b_2"}, json(R"(["a_1","b_2"])"), json("a_1, b_2")}) {
    auto p = prepare("campaigns", {{"advertiser_id", "1"}, {"fields", given}});
    REQUIRE(p.issues.empty());
    CHECK(p.params["fields"] == json{"a_1", "b_2"});
  }
  auto ids = prepare("advertisers", {{"advertiser_ids", R"(["123","456"])"}});
  CHECK(ids.params["advertiser_ids"] == json{"123", "456"});
}

TEST_CASE("ids given as numbers become exact strings; numeric strings become integers") {
  auto p = prepare("campaigns", {{"advertiser_id", 7123456789012345678ULL}, {"page", "2"}, {"page_size", "50"}});
  REQUIRE(p.issues.empty());
  CHECK(p.params["advertiser_id"] == "7123456789012345678");
  CHECK(p.params["page"] == 2);
  auto ids = prepare("advertisers", {{"advertiser_ids", json{7123456789012345678ULL}}});
  CHECK(ids.params["advertiser_ids"] == json{"7123456789012345678"});
}

TEST_CASE("filtering may come as an object or a JSON string") {
  auto p = prepare("campaigns", {{"advertiser_id", "1"}, {"filtering", R"({"campaign_ids":["5"]})"}});
  REQUIRE(p.issues.empty());
  CHECK(p.params["filtering"]["campaign_ids"] == json{"5"});
}

TEST_CASE("page sizes are checked against each endpoint's maximum") {
  CHECK(prepare("campaigns", {{"advertiser_id", "1"}, {"page_size", 1000}}).issues.empty());
  CHECK_THAT(problems(prepare("campaigns", {{"advertiser_id", "1"}, {"page_size", 1001}})),
             Catch::Contains("params.page_size: must be an integer from 1 to 1000, but got 1001"));
  CHECK_THAT(problems(prepare("audiences", {{"advertiser_id", "1"}, {"page_size", 500}})),
             Catch::Contains("from 1 to 100"));
  CHECK_THAT(problems(prepare("campaigns", {{"advertiser_id", "1"}, {"page", 0}})), Catch::Contains("params.page"));
}

TEST_CASE("report params: only dates are needed; the rest is defaulted") {
  auto p = prepare("campaigns_reports_daily", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"}}, "42");
  REQUIRE(p.issues.empty());
  CHECK(p.params["service_type"] == "AUCTION");
  CHECK(p.params["report_type"] == "BASIC");
  CHECK(p.params["data_level"] == "AUCTION_CAMPAIGN");
  CHECK(p.params["dimensions"] == json{"campaign_id", "stat_time_day"});
  CHECK(p.params["metrics"][0] == "campaign_name");
  CHECK(p.params["metrics"].size() == 28);
}

TEST_CASE("dates are validated, and start must not follow end") {
  CHECK_THAT(problems(prepare("ads_reports_daily", {{"start_date", "2026-13-01"}, {"end_date", "2026-10-07"}}, "1")),
             Catch::Contains("params.start_date: \"2026-13-01\" is not a valid date; use YYYY-MM-DD"));
  CHECK_THAT(problems(prepare("ads_reports_daily", {{"start_date", "10/01/2026"}, {"end_date", "2026-10-07"}}, "1")),
             Catch::Contains("not a valid date"));
  CHECK_THAT(problems(prepare("ads_reports_daily", {{"start_date", "2026-10-08"}, {"end_date", "2026-10-07"}}, "1")),
             Catch::Contains("params.end_date: (2026-10-07) is before start_date (2026-10-08)"));
  CHECK_THAT(problems(prepare("ads_reports_daily", json::object(), "1")),
             Catch::Contains("params.start_date: is required but missing"));
}

TEST_CASE("unknown parameters and wrong enums are named with what is allowed") {
  auto p = prepare("campaigns", {{"advertiser_id", "1"}, {"startDate", "x"}});
  CHECK_THAT(problems(p), Catch::Contains("params.startDate: is not a recognised property; allowed: advertiser_id"));
  auto level = prepare("ads_reports_daily", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-01"}, {"data_level", "AD"}}, "1");
  CHECK_THAT(problems(level), Catch::Contains("params.data_level: \"AD\" is not one of the allowed values"));
}

TEST_CASE("parameters that try to smuggle path segments or query text are refused") {
  for (std::string bad : {"../../oauth2/revoke_token/", "123?secret=x", "123#frag", "12\r\nHost: evil", "123/456"}) {
    INFO(bad);
    CHECK_FALSE(prepare("campaigns", {{"advertiser_id", bad}}).issues.empty());
  }
  CHECK_FALSE(prepare("campaigns", {{"advertiser_id", "1"}, {"fields", json{"campaign_id&x=1"}}}).issues.empty());
  CHECK_FALSE(prepare("campaigns_reports_daily",
                      {{"start_date", "2026-10-01"}, {"end_date", "2026-10-01"}, {"metrics", json{"spend/../x"}}}, "1")
                   .issues.empty());
}

TEST_CASE("params that are not an object are refused") {
  CHECK_THAT(problems(catalog::prepare_params(action("campaigns"), json::array(), {})),
             Catch::Contains("params: must be an object"));
}
