#include <catch2/catch.hpp>

#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_api.hpp"

using nlohmann::json;

namespace {

json call(const std::string& path, std::map<std::string, std::string> query) {
  tiktok::demo::DemoApi api;
  auto answer = api.handle(path, query);
  REQUIRE(answer);
  return *answer;
}

const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;

}  // namespace

TEST_CASE("the demo account is deterministic and ids exceed 2^53") {
  const auto& a = tiktok::demo::account();
  CHECK(a.advertisers.size() == 2);
  CHECK(a.campaigns.size() == 14);
  CHECK(a.ad_groups.size() == 42);
  CHECK(a.ads.size() == 84);
  const std::string id = a.campaigns[0]["campaign_id"];
  CHECK(std::stoull(id) > (1ULL << 53));
  CHECK(call("/campaign/get/", {{"advertiser_id", kAdv}})["data"] == call("/campaign/get/", {{"advertiser_id", kAdv}})["data"]);
}

TEST_CASE("lists paginate with page_info and hide deleted objects unless asked") {
  auto r = call("/campaign/get/", {{"advertiser_id", kAdv}, {"page_size", "4"}, {"page", "2"}});
  CHECK(r["code"] == 0);
  CHECK(r["data"]["page_info"] == json{{"page", 2}, {"page_size", 4}, {"total_number", 6}, {"total_page", 2}});
  CHECK(r["data"]["list"].size() == 2);
  auto all = call("/campaign/get/", {{"advertiser_id", kAdv}, {"filtering", R"({"primary_status":"STATUS_ALL"})"}});
  CHECK(all["data"]["page_info"]["total_number"] == 7);
}

TEST_CASE("errors come as body codes like TikTok's") {
  CHECK(call("/campaign/get/", {{"advertiser_id", "1"}})["code"] == 40001);
  CHECK(call("/campaign/get/", {})["code"] == 40002);
  CHECK(call("/campaign/get/", {{"advertiser_id", kAdv}, {"page_size", "5000"}})["code"] == 40002);
  CHECK(call("/campaign/get/", {{"advertiser_id", kAdv}, {"fields", R"(["nope"])"}})["code"] == 40002);
  tiktok::demo::DemoApi api;
  CHECK_FALSE(api.handle("/campaign/get", {}).has_value());  // no trailing slash: 404
}

TEST_CASE("reports: 30-day limit with daily rows, level-specific metrics, dashes for missing ratios") {
  std::map<std::string, std::string> q{{"advertiser_id", kAdv},
                                       {"report_type", "BASIC"},
                                       {"data_level", "AUCTION_CAMPAIGN"},
                                       {"dimensions", R"(["campaign_id","stat_time_day"])"},
                                       {"metrics", R"(["spend","impressions","cost_per_conversion","campaign_name"])"},
                                       {"start_date", "2026-10-01"},
                                       {"end_date", "2026-10-07"},
                                       {"page_size", "1000"}};
  auto r = call("/report/integrated/get/", q);
  REQUIRE(r["code"] == 0);
  const auto& rows = r["data"]["list"];
  CHECK(rows.size() == 5 * 7);  // five delivering campaigns, seven days
  CHECK(rows[0]["dimensions"]["stat_time_day"] == "2026-10-01 00:00:00");
  CHECK(rows[0]["metrics"]["spend"].is_string());
  CHECK(rows[0]["metrics"]["cost_per_conversion"] == "-");  // a traffic campaign has no conversions
  CHECK(rows[0]["metrics"]["campaign_name"] == "Spring Sale - Traffic");

  auto long_range = q;
  long_range["end_date"] = "2026-11-15";
  CHECK(call("/report/integrated/get/", long_range)["code"] == 40002);
  auto wrong_level = q;
  wrong_level["metrics"] = R"(["cash_spend"])";
  CHECK_THAT(call("/report/integrated/get/", wrong_level)["message"].get<std::string>(),
             Catch::Contains("Invalid metric fields"));
}

TEST_CASE("report levels agree: campaign totals equal the sum of their ads") {
  auto total = [&](const std::string& level, const std::string& dim) {
    std::map<std::string, std::string> q{{"advertiser_id", kAdv}, {"report_type", "BASIC"}, {"data_level", level},
                                         {"dimensions", "[\"" + dim + "\"]"}, {"metrics", R"(["spend"])"},
                                         {"start_date", "2026-10-01"}, {"end_date", "2026-10-03"}, {"page_size", "1000"}};
    double sum = 0;
    const json answer = call("/report/integrated/get/", q);
    for (const auto& row : answer["data"]["list"]) sum += std::stod(row["metrics"]["spend"].get<std::string>());
    return sum;
  };
  CHECK(total("AUCTION_CAMPAIGN", "campaign_id") == Approx(total("AUCTION_AD", "ad_id")).margin(0.001));
  CHECK(total("AUCTION_ADVERTISER", "advertiser_id") == Approx(total("AUCTION_ADGROUP", "adgroup_id")).margin(0.001));
}
