#include <catch2/catch.hpp>

#include <set>
#include <thread>

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

namespace {

// The summed spend of a report's rows, by the value of one dimension ("" sums all rows).
std::map<std::string, double> spend_by(const json& answer, const std::string& dimension = "") {
  std::map<std::string, double> out;
  for (const auto& row : answer["data"]["list"]) {
    const std::string key = dimension.empty() ? "" : row["dimensions"].value(dimension, "?");
    out[key] += std::stod(row["metrics"]["spend"].get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> ad_report(const std::string& dimensions, const std::string& start,
                                             const std::string& end) {
  return {{"advertiser_id", kAdv}, {"report_type", "BASIC"},  {"data_level", "AUCTION_AD"},
          {"dimensions", dimensions}, {"metrics", R"(["spend","impressions"])"},
          {"start_date", start},     {"end_date", end},       {"page_size", "1000"}};
}

}  // namespace

TEST_CASE("reports: hourly rows for one day add up to the day, and more than a day is refused") {
  auto hourly = call("/report/integrated/get/", ad_report(R"(["ad_id","stat_time_hour"])", "2026-10-05", "2026-10-05"));
  REQUIRE(hourly["code"] == 0);
  const auto& first = hourly["data"]["list"][0]["dimensions"];
  CHECK(first["stat_time_hour"] == "2026-10-05 00:00:00");
  std::set<std::string> hours;
  for (const auto& row : hourly["data"]["list"]) hours.insert(row["dimensions"]["stat_time_hour"].get<std::string>());
  CHECK(hours.size() == 24);
  auto daily = call("/report/integrated/get/", ad_report(R"(["ad_id"])", "2026-10-05", "2026-10-05"));
  CHECK(spend_by(hourly)[""] == Approx(spend_by(daily)[""]).margin(0.001));
  auto two_days = call("/report/integrated/get/", ad_report(R"(["ad_id","stat_time_hour"])", "2026-10-05", "2026-10-06"));
  CHECK(two_days["code"] == 40002);
  CHECK_THAT(two_days["message"].get<std::string>(), Catch::Contains("1 day"));
}

TEST_CASE("reports: audience segments add up to the whole and refuse unique-visitor metrics") {
  auto q = ad_report(R"(["ad_id","gender"])", "2026-10-01", "2026-10-03");
  CHECK(call("/report/integrated/get/", q)["code"] == 40002);  // BASIC has no audience dimensions
  q["report_type"] = "AUDIENCE";
  auto by_gender = call("/report/integrated/get/", q);
  REQUIRE(by_gender["code"] == 0);
  auto genders = spend_by(by_gender, "gender");
  CHECK(genders.size() == 3);
  CHECK(genders.count("FEMALE") == 1);
  double sum = 0;
  for (const auto& [gender, spend] : genders) sum += spend;
  CHECK(sum == Approx(spend_by(call("/report/integrated/get/", ad_report(R"(["ad_id"])", "2026-10-01", "2026-10-03")))[""])
                   .margin(0.001));
  q["dimensions"] = R"(["ad_id","age","gender"])";
  CHECK(spend_by(call("/report/integrated/get/", q), "age").size() == 6);
  q["metrics"] = R"(["spend","reach"])";
  CHECK_THAT(call("/report/integrated/get/", q)["message"].get<std::string>(), Catch::Contains("reach"));
}

TEST_CASE("reports: lifetime totals take no dates and give one row per ad") {
  std::map<std::string, std::string> q{{"advertiser_id", kAdv},  {"report_type", "BASIC"},
                                       {"data_level", "AUCTION_AD"}, {"dimensions", R"(["ad_id"])"},
                                       {"metrics", R"(["spend"])"}, {"query_lifetime", "true"},
                                       {"page_size", "1000"}};
  auto lifetime = call("/report/integrated/get/", q);
  REQUIRE(lifetime["code"] == 0);
  auto per_ad = spend_by(lifetime, "ad_id");
  CHECK(per_ad.size() == lifetime["data"]["list"].size());
  auto week = spend_by(call("/report/integrated/get/", ad_report(R"(["ad_id"])", "2026-10-01", "2026-10-07")), "ad_id");
  for (const auto& [ad, spend] : week) CHECK(per_ad[ad] > spend);  // a lifetime holds more than a week
  q["dimensions"] = R"(["ad_id","stat_time_day"])";
  CHECK(call("/report/integrated/get/", q)["code"] == 40002);
}

// Writes: POST bodies change the DemoApi's own copy of the account.

namespace {

using tiktok::demo::DemoApi;

const std::string kAdvEur = "7100000000000000002";
const std::string kEnabledCampaign = "1800000001001000000";   // Spring Sale - Traffic, DAY 150 USD
const std::string kDisabledCampaign = "1800000001005000000";  // App Installs - Android, DAY 120
const std::string kInfiniteCampaign = "1800000001006000000";  // Lead Gen - Guided Tours, INFINITE
const std::string kDeletedCampaign = "1800000001007000000";   // Old Winter Promo
const std::string kCustomBidAdGroup = "1700000001001001000";  // BID_TYPE_CUSTOM, CPC, bid 1.2, DAY 50
const std::string kNoBidAdGroup = "1700000001001002000";      // BID_TYPE_NO_BID, DAY 50
const std::string kInfiniteAdGroup = "1700000001006001000";
const std::string kDeletedAdGroup = "1700000001007001000";
const std::string kAd = "1600000001001001001";

json post(DemoApi& api, const std::string& path, json body) {
  auto answer = api.handle_post(path, body);
  REQUIRE(answer);
  return *answer;
}

json get_one(const DemoApi& api, const std::string& path, const std::string& id_field, const std::string& id,
             const std::string& advertiser_id = kAdv) {
  auto answer = api.handle(path, {{"advertiser_id", advertiser_id},
                                  {"filtering", json{{id_field + "s", {id}}, {"primary_status", "STATUS_ALL"}}.dump()}});
  REQUIRE(answer);
  REQUIRE((*answer)["data"]["list"].size() == 1);
  return (*answer)["data"]["list"][0];
}

json campaign(const DemoApi& api, const std::string& id) { return get_one(api, "/campaign/get/", "campaign_id", id); }
json adgroup(const DemoApi& api, const std::string& id) { return get_one(api, "/adgroup/get/", "adgroup_id", id); }
json ad(const DemoApi& api, const std::string& id) { return get_one(api, "/ad/get/", "ad_id", id); }

std::string refusal(DemoApi& api, const std::string& path, json body, long long code = 40002) {
  const json answer = post(api, path, std::move(body));
  CHECK(answer["code"] == code);
  CHECK(answer["data"] == json::object());
  return answer["message"];
}

json status_body(const char* ids_field, std::vector<std::string> ids, const std::string& status) {
  return {{"advertiser_id", kAdv}, {ids_field, ids}, {"operation_status", status}};
}

}  // namespace

TEST_CASE("writes: campaign status updates apply and later reads show them") {
  DemoApi api;
  const std::string before = campaign(api, kEnabledCampaign)["modify_time"];
  auto r = post(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, "DISABLE"));
  REQUIRE(r["code"] == 0);
  CHECK(r["data"] == json{{"campaign_ids", {kEnabledCampaign}},
                          {"status", "DISABLE"},
                          {"campaign_list", {{{"campaign_id", kEnabledCampaign}, {"status", "DISABLE"}}}}});
  const json paused = campaign(api, kEnabledCampaign);
  CHECK(paused["operation_status"] == "DISABLE");
  CHECK(paused["secondary_status"] == "CAMPAIGN_STATUS_DISABLE");
  CHECK(paused["modify_time"] != before);
  CHECK(paused["modify_time"].get<std::string>() > before);  // the demo's clock runs after every generated time

  post(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign, kDisabledCampaign}, "ENABLE"));
  CHECK(campaign(api, kDisabledCampaign)["secondary_status"] == "CAMPAIGN_STATUS_ENABLE");
  CHECK(campaign(api, kEnabledCampaign)["modify_time"] > paused["modify_time"]);

  DemoApi fresh;  // each DemoApi has its own state
  CHECK(campaign(fresh, kEnabledCampaign)["operation_status"] == "ENABLE");
}

TEST_CASE("writes: status updates of campaigns and ads are all or nothing") {
  DemoApi api;
  CHECK(refusal(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign, "1800000001999000000"}, "DISABLE")) ==
        "campaign_ids: Campaign 1800000001999000000 does not exist.");
  CHECK(refusal(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign, kDeletedCampaign}, "ENABLE")) ==
        "campaign_ids: Campaign " + kDeletedCampaign + " is deleted and cannot change status.");
  CHECK(campaign(api, kEnabledCampaign)["operation_status"] == "ENABLE");
  // Another advertiser's campaign does not exist for this one.
  CHECK_THAT(refusal(api, "/campaign/status/update/", status_body("campaign_ids", {"1800000002001000000"}, "DISABLE")),
             Catch::Contains("does not exist"));

  CHECK(refusal(api, "/ad/status/update/", status_body("ad_ids", {kAd, "1600000001001001009"}, "DISABLE")) ==
        "ad_ids: Ad 1600000001001001009 does not exist.");
  CHECK(ad(api, kAd)["operation_status"] == "ENABLE");
  auto r = post(api, "/ad/status/update/", status_body("ad_ids", {kAd}, "DISABLE"));
  REQUIRE(r["code"] == 0);
  CHECK(r["data"] == json{{"ad_ids", {kAd}}, {"status", "DISABLE"}});
  CHECK(ad(api, kAd)["secondary_status"] == "AD_STATUS_DISABLE");
}

TEST_CASE("writes: deleting a campaign deletes its ad groups and ads, and deleted objects stay deleted") {
  DemoApi api;
  REQUIRE(post(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, "DELETE"))["code"] == 0);
  const json deleted = campaign(api, kEnabledCampaign);
  CHECK(deleted["operation_status"] == "DISABLE");
  CHECK(deleted["secondary_status"] == "CAMPAIGN_STATUS_DELETE");
  CHECK(adgroup(api, kCustomBidAdGroup)["secondary_status"] == "ADGROUP_STATUS_DELETE");
  CHECK(ad(api, kAd)["secondary_status"] == "AD_STATUS_DELETE");
  CHECK(api.handle("/campaign/get/", {{"advertiser_id", kAdv}})->at("data")["page_info"]["total_number"] == 5);
  CHECK_THAT(refusal(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, "ENABLE")),
             Catch::Contains("is deleted and cannot change status"));
  CHECK_THAT(refusal(api, "/ad/status/update/", status_body("ad_ids", {kAd}, "ENABLE")),
             Catch::Contains("is deleted"));
  CHECK_THAT(refusal(api, "/campaign/update/", {{"advertiser_id", kAdv}, {"campaign_id", kDeletedCampaign}, {"campaign_name", "x"}}),
             Catch::Contains("campaign_id: Campaign " + kDeletedCampaign + " is deleted and cannot be updated."));
}

TEST_CASE("writes: ad group status updates, with and without partial success") {
  DemoApi api;
  const std::vector<std::string> ids{kNoBidAdGroup, "1700000001001009000", kDeletedAdGroup};
  CHECK(refusal(api, "/adgroup/status/update/", status_body("adgroup_ids", ids, "DISABLE")) ==
        "adgroup_ids: Ad group 1700000001001009000 does not exist.");
  CHECK(adgroup(api, kNoBidAdGroup)["operation_status"] == "ENABLE");

  json body = status_body("adgroup_ids", ids, "DISABLE");
  body["allow_partial_success"] = true;
  auto r = post(api, "/adgroup/status/update/", body);
  REQUIRE(r["code"] == 0);
  CHECK(r["data"]["adgroup_ids"] == json{kNoBidAdGroup});
  CHECK(r["data"]["status"] == "DISABLE");
  CHECK(r["data"]["error_list"] ==
        json{{{"adgroup_id", "1700000001001009000"}, {"error_message", "Ad group 1700000001001009000 does not exist."}},
             {{"adgroup_id", kDeletedAdGroup},
              {"error_message", "Ad group " + kDeletedAdGroup + " is deleted and cannot change status."}}});
  CHECK(adgroup(api, kNoBidAdGroup)["secondary_status"] == "ADGROUP_STATUS_DISABLE");

  auto plain = post(api, "/adgroup/status/update/", status_body("adgroup_ids", {kNoBidAdGroup}, "ENABLE"));
  CHECK(plain["data"] == json{{"adgroup_ids", {kNoBidAdGroup}}, {"status", "ENABLE"}});  // no error_list
  CHECK(adgroup(api, kNoBidAdGroup)["secondary_status"] == "ADGROUP_STATUS_DELIVERY_OK");

  REQUIRE(post(api, "/adgroup/status/update/", status_body("adgroup_ids", {kNoBidAdGroup}, "DELETE"))["code"] == 0);
  CHECK(ad(api, "1600000001001002001")["secondary_status"] == "AD_STATUS_DELETE");
  CHECK(ad(api, kAd)["secondary_status"] == "AD_STATUS_DELIVERY_OK");  // another ad group's
}

TEST_CASE("writes: status update bodies are checked field by field") {
  DemoApi api;
  const char* path = "/campaign/status/update/";
  std::vector<std::string> many;
  for (int i = 0; i < 21; ++i) many.push_back(kEnabledCampaign);
  CHECK(refusal(api, path, status_body("campaign_ids", many, "DISABLE")) ==
        "campaign_ids: Length must be between 1 and 20.");
  CHECK(refusal(api, path, status_body("campaign_ids", {}, "DISABLE")) == "campaign_ids: Length must be between 1 and 20.");
  CHECK(refusal(api, path, {{"advertiser_id", kAdv}, {"operation_status", "DISABLE"}}) ==
        "campaign_ids: Missing data for required field.");
  CHECK(refusal(api, path, {{"advertiser_id", kAdv}, {"campaign_ids", {1800000001001000000ULL}}, {"operation_status", "DISABLE"}}) ==
        "campaign_ids: Not a valid string: 1800000001001000000.");
  CHECK(refusal(api, path, status_body("campaign_ids", {kEnabledCampaign}, "PAUSE")) ==
        "operation_status: Must be one of: ENABLE, DISABLE, DELETE.");
  CHECK(refusal(api, path, {{"campaign_ids", {kEnabledCampaign}}, {"operation_status", "DISABLE"}}) ==
        "advertiser_id: Missing data for required field.");
  CHECK(refusal(api, path, {{"advertiser_id", 7100000000000000001ULL}, {"campaign_ids", {kEnabledCampaign}}, {"operation_status", "DISABLE"}}) ==
        "advertiser_id: Not a valid string.");
  CHECK_THAT(refusal(api, path, {{"advertiser_id", "1"}, {"campaign_ids", {kEnabledCampaign}}, {"operation_status", "DISABLE"}}, 40001),
             Catch::Contains("No permission"));
  json partial = status_body("adgroup_ids", {kNoBidAdGroup}, "DISABLE");
  partial["allow_partial_success"] = "yes";
  CHECK(refusal(api, "/adgroup/status/update/", partial) == "allow_partial_success: Not a valid boolean.");
  CHECK(refusal(api, path, json::array()) == "Invalid JSON body: the request body must be a JSON object.");
  CHECK(campaign(api, kEnabledCampaign)["operation_status"] == "ENABLE");
}

TEST_CASE("writes: campaign updates return the full record and follow the budget and name rules") {
  DemoApi api;
  auto r = post(api, "/campaign/update/",
                {{"advertiser_id", kAdv}, {"campaign_id", kEnabledCampaign}, {"campaign_name", "Spring Sale 2"}, {"budget", 175.5}});
  REQUIRE(r["code"] == 0);
  const json updated = campaign(api, kEnabledCampaign);
  CHECK(r["data"] == updated);
  CHECK(updated["campaign_name"] == "Spring Sale 2");
  CHECK(updated["budget"] == 175.5);
  CHECK(adgroup(api, kCustomBidAdGroup)["campaign_name"] == "Spring Sale 2");
  CHECK(ad(api, kAd)["campaign_name"] == "Spring Sale 2");

  auto update = [&](json fields, const std::string& advertiser_id = kAdv) {
    json body = {{"advertiser_id", advertiser_id}, {"campaign_id", kEnabledCampaign}};
    body.update(fields);
    return refusal(api, "/campaign/update/", body);
  };
  CHECK(update({{"budget", 50}}) == "budget: The budget must be greater than 50.00 USD.");
  CHECK(update({{"budget", 10000000}}) == "budget: The budget must be less than 10000000.00 USD.");
  CHECK(update({{"budget", "60"}}) == "budget: Not a valid number.");
  CHECK(update({{"campaign_name", ""}}) == "campaign_name: Length must be between 1 and 512 characters.");
  CHECK(update({{"campaign_name", std::string(513, 'x')}}) == "campaign_name: Length must be between 1 and 512 characters.");
  CHECK(update({{"campaign_name", "Trail Shoes - Conversions"}}) == "campaign_name: Campaign name already exists.");
  CHECK(update({{"campaign_id", kInfiniteCampaign}, {"budget", 100}}) ==
        "budget: A campaign with budget_mode BUDGET_MODE_INFINITE takes no budget.");
  CHECK(update({{"campaign_id", "1800000001999000000"}}) == "campaign_id: Campaign 1800000001999000000 does not exist.");
  CHECK(update({{"campaign_id", "1800000002001000000"}, {"budget", 40}}, kAdvEur) ==
        "budget: The budget must be greater than 50.00 EUR.");
  CHECK(campaign(api, kEnabledCampaign) == updated);  // nothing refused changed anything

  // 512 characters, counted as characters: "é" is two bytes.
  std::string long_name;
  for (int i = 0; i < 512; ++i) long_name += "\xc3\xa9";
  CHECK(post(api, "/campaign/update/", {{"advertiser_id", kAdv}, {"campaign_id", kEnabledCampaign}, {"campaign_name", long_name}})["code"] == 0);
  // Its own name is not a duplicate.
  CHECK(post(api, "/campaign/update/", {{"advertiser_id", kAdv}, {"campaign_id", kEnabledCampaign}, {"campaign_name", long_name}})["code"] == 0);
}

TEST_CASE("writes: ad group updates follow the budget and bid rules") {
  DemoApi api;
  const json before = adgroup(api, kCustomBidAdGroup);
  REQUIRE(before["bid_type"] == "BID_TYPE_CUSTOM");
  REQUIRE(before["bid_price"] == 1.2);
  REQUIRE(before["budget"] == 50.0);
  auto r = post(api, "/adgroup/update/",
                {{"advertiser_id", kAdv}, {"adgroup_id", kCustomBidAdGroup}, {"adgroup_name", "Spring - Broad"},
                 {"budget", 30}, {"bid_price", 2.5}});
  REQUIRE(r["code"] == 0);
  const json updated = adgroup(api, kCustomBidAdGroup);
  CHECK(r["data"] == updated);
  CHECK(updated["adgroup_name"] == "Spring - Broad");
  CHECK(updated["budget"] == 30.0);
  CHECK(updated["bid_price"] == 2.5);
  CHECK(updated["modify_time"] != before["modify_time"]);
  CHECK(ad(api, kAd)["adgroup_name"] == "Spring - Broad");

  auto update = [&](json fields) {
    json body = {{"advertiser_id", kAdv}, {"adgroup_id", kCustomBidAdGroup}};
    body.update(fields);
    return refusal(api, "/adgroup/update/", body);
  };
  CHECK(update({{"budget", 20}}) == "budget: The budget must be greater than 20.00 USD.");
  CHECK(update({{"bid_price", 0}}) == "bid_price: The bid must be greater than 0.");
  CHECK(update({{"bid_price", 30}}) == "bid_price: The bid must be less than the budget (30.00 USD).");
  CHECK(update({{"budget", 40}, {"bid_price", 45}}) == "bid_price: The bid must be less than the budget (40.00 USD).");
  CHECK(post(api, "/adgroup/update/",
             {{"advertiser_id", kAdv}, {"adgroup_id", kCustomBidAdGroup}, {"budget", 25}, {"bid_price", 24}})["code"] == 0);
  CHECK(update({{"budget", 22}}) == "budget: The budget must be greater than the bid (24.00 USD).");
  CHECK(update({{"adgroup_id", kNoBidAdGroup}, {"bid_price", 1}}) ==
        "bid_price: bid_price can only be set when bid_type is BID_TYPE_CUSTOM.");
  CHECK(update({{"adgroup_id", kInfiniteAdGroup}, {"budget", 100}}) ==
        "budget: An ad group with budget_mode BUDGET_MODE_INFINITE takes no budget.");
  CHECK(update({{"adgroup_id", kDeletedAdGroup}, {"budget", 100}}) ==
        "adgroup_id: Ad group " + kDeletedAdGroup + " is deleted and cannot be updated.");
  CHECK(update({{"adgroup_name", std::string(513, 'g')}}) == "adgroup_name: Length must be between 1 and 512 characters.");
}

TEST_CASE("writes: campaign creates get fresh ids, default to ENABLE and show in campaign/get") {
  DemoApi api;
  json body = {{"advertiser_id", kAdv}, {"campaign_name", "Autumn - Traffic"}, {"objective_type", "TRAFFIC"},
               {"budget_mode", "BUDGET_MODE_DAY"}, {"budget", 60}};
  auto r = post(api, "/campaign/create/", body);
  REQUIRE(r["code"] == 0);
  const std::string id = r["data"]["campaign_id"];
  CHECK(id.size() == 19);
  CHECK(id.find_first_not_of("0123456789") == std::string::npos);
  const json created = campaign(api, id);
  CHECK(r["data"] == created);
  CHECK(created["operation_status"] == "ENABLE");  // TikTok's default
  CHECK(created["secondary_status"] == "CAMPAIGN_STATUS_ENABLE");
  CHECK(created["budget"] == 60.0);
  CHECK(created["create_time"] == created["modify_time"]);
  CHECK(api.handle("/campaign/get/", {{"advertiser_id", kAdv}})->at("data")["page_info"]["total_number"] == 7);

  CHECK(refusal(api, "/campaign/create/", body) == "campaign_name: Campaign name already exists.");
  body["campaign_name"] = "Autumn - Paused";
  body["operation_status"] = "DISABLE";
  auto second = post(api, "/campaign/create/", body);
  REQUIRE(second["code"] == 0);
  CHECK(second["data"]["campaign_id"] != id);
  CHECK(campaign(api, second["data"]["campaign_id"])["operation_status"] == "DISABLE");
  for (const auto& c : tiktok::demo::account().campaigns) CHECK(c["campaign_id"] != second["data"]["campaign_id"]);

  // The deleted campaign's name may be taken again; the same name in another advertiser too.
  CHECK(post(api, "/campaign/create/", {{"advertiser_id", kAdv}, {"campaign_name", "Old Winter Promo"}, {"objective_type", "REACH"},
                                        {"budget_mode", "BUDGET_MODE_INFINITE"}})["code"] == 0);
  CHECK(post(api, "/campaign/create/", {{"advertiser_id", kAdvEur}, {"campaign_name", "Autumn - Traffic"}, {"objective_type", "REACH"},
                                        {"budget_mode", "BUDGET_MODE_INFINITE"}})["code"] == 0);

  // A created campaign can be written and read like the generated ones.
  CHECK(post(api, "/campaign/status/update/", status_body("campaign_ids", {id}, "DISABLE"))["code"] == 0);
  CHECK(campaign(api, id)["operation_status"] == "DISABLE");
}

TEST_CASE("writes: campaign create bodies are checked field by field") {
  DemoApi api;
  auto create = [&](json fields) {
    json body = {{"advertiser_id", kAdv}, {"campaign_name", "New"}, {"objective_type", "TRAFFIC"},
                 {"budget_mode", "BUDGET_MODE_DAY"}, {"budget", 100}};
    body.update(fields);
    for (auto it = body.begin(); it != body.end();) it = it->is_null() ? body.erase(it) : std::next(it);
    return refusal(api, "/campaign/create/", body);
  };
  CHECK(create({{"campaign_name", nullptr}}) == "campaign_name: Missing data for required field.");
  CHECK(create({{"campaign_name", std::string(513, 'n')}}) == "campaign_name: Length must be between 1 and 512 characters.");
  CHECK(create({{"campaign_name", "Spring Sale - Traffic"}}) == "campaign_name: Campaign name already exists.");
  CHECK(create({{"objective_type", "CONVERSIONS"}}) ==
        "objective_type: Must be one of: TRAFFIC, REACH, VIDEO_VIEWS, ENGAGEMENT, APP_PROMOTION, LEAD_GENERATION, "
        "WEB_CONVERSIONS, PRODUCT_SALES, RF_REACH.");
  CHECK(create({{"budget_mode", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"}}) ==
        "budget_mode: Must be one of: BUDGET_MODE_INFINITE, BUDGET_MODE_DAY, BUDGET_MODE_TOTAL.");
  CHECK(create({{"budget_mode", "BUDGET_MODE_INFINITE"}}) ==
        "budget: A campaign with budget_mode BUDGET_MODE_INFINITE takes no budget.");
  CHECK(create({{"budget", nullptr}}) == "budget: Missing data for required field.");
  CHECK(create({{"budget_mode", "BUDGET_MODE_TOTAL"}, {"budget", 50}}) == "budget: The budget must be greater than 50.00 USD.");
  CHECK(create({{"operation_status", "DELETE"}}) == "operation_status: Must be one of: ENABLE, DISABLE.");
  CHECK(api.handle("/campaign/get/", {{"advertiser_id", kAdv}})->at("data")["page_info"]["total_number"] == 6);
}

TEST_CASE("writes over send(): POST bodies, wrong methods and bad JSON") {
  DemoApi api;
  auto send = [&](const std::string& method, const std::string& path, const std::string& body) {
    net::HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    if (method == "GET") request.query = {{"advertiser_id", kAdv}};
    return api.send(request, {});
  };
  auto ok = send("POST", "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, "DISABLE").dump());
  CHECK(ok.status == 200);
  CHECK(json::parse(ok.body)["code"] == 0);
  CHECK(json::parse(send("GET", "/campaign/get/", "").body)["data"]["list"][0]["operation_status"] == "DISABLE");

  auto bad = send("POST", "/campaign/update/", "{not json");
  CHECK(bad.status == 200);
  CHECK(json::parse(bad.body)["code"] == 40002);
  CHECK(json::parse(send("POST", "/campaign/update/", "").body)["code"] == 40002);

  CHECK(send("GET", "/campaign/update/", "").status == 405);
  CHECK(send("POST", "/campaign/get/", "{}").status == 405);
  CHECK(send("POST", "/campaign/delete/", "{}").status == 404);
  CHECK(send("GET", "/campaign/nothing/", "").status == 404);
  CHECK_FALSE(api.handle_post("/campaign/get/", json::object()).has_value());
  CHECK_FALSE(api.handle("/campaign/create/", {}).has_value());
}

TEST_CASE("writes: reports stay on the generated account and take new campaign ids") {
  DemoApi api;
  std::map<std::string, std::string> q{{"advertiser_id", kAdv}, {"report_type", "BASIC"}, {"data_level", "AUCTION_CAMPAIGN"},
                                       {"dimensions", R"(["campaign_id"])"}, {"metrics", R"(["spend"])"},
                                       {"start_date", "2026-10-01"}, {"end_date", "2026-10-03"}};
  const json before = api.handle("/report/integrated/get/", q)->at("data");
  post(api, "/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, "DISABLE"));
  auto created = post(api, "/campaign/create/", {{"advertiser_id", kAdv}, {"campaign_name", "Fresh"}, {"objective_type", "TRAFFIC"},
                                                 {"budget_mode", "BUDGET_MODE_INFINITE"}});
  CHECK(api.handle("/report/integrated/get/", q)->at("data") == before);  // past delivery does not change
  q["filtering"] = json::array({{{"field_name", "campaign_ids"}, {"filter_type", "IN"},
                                 {"filter_value", json::array({created["data"]["campaign_id"]}).dump()}}})
                       .dump();
  auto fresh = api.handle("/report/integrated/get/", q);
  REQUIRE(fresh);
  CHECK((*fresh)["code"] == 0);
  CHECK((*fresh)["data"]["list"].empty());
}

TEST_CASE("writes from many threads do not race and each applies once") {
  DemoApi api;
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> ids(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        json body = {{"advertiser_id", kAdv}, {"campaign_name", "Thread " + std::to_string(t) + "/" + std::to_string(i)},
                     {"objective_type", "REACH"}, {"budget_mode", "BUDGET_MODE_INFINITE"}, {"operation_status", "DISABLE"}};
        auto r = api.handle_post("/campaign/create/", body);
        if (r && (*r)["code"] == 0) ids[t].push_back((*r)["data"]["campaign_id"]);
        api.handle_post("/campaign/status/update/", status_body("campaign_ids", {kEnabledCampaign}, i % 2 ? "ENABLE" : "DISABLE"));
        api.handle_post("/adgroup/update/", {{"advertiser_id", kAdv}, {"adgroup_id", kNoBidAdGroup}, {"budget", 30 + t * 10 + i}});
        api.handle("/campaign/get/", {{"advertiser_id", kAdv}, {"page_size", "1000"}});
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> unique;
  for (const auto& list : ids) {
    CHECK(list.size() == kEach);
    unique.insert(list.begin(), list.end());
  }
  CHECK(unique.size() == kThreads * kEach);
  auto all = api.handle("/campaign/get/", {{"advertiser_id", kAdv}, {"page_size", "1000"}});
  CHECK((*all)["data"]["page_info"]["total_number"] == 6 + kThreads * kEach);
}
