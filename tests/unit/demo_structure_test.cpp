// The demo account's account-structure endpoints (demo_structure.cpp): TikTok's paths,
// envelopes, page limits and error codes, which the fake TikTok server serves too.

#include <catch2/catch.hpp>

#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_api.hpp"
#include "tiktok/demo/demo_structure_data.hpp"

using nlohmann::json;

namespace {

json structure_call(const std::string& path, std::map<std::string, std::string> query) {
  tiktok::demo::DemoApi api;
  auto answer = api.handle(path, query);
  REQUIRE(answer);
  return *answer;
}

const std::string kStructAdv = tiktok::demo::kDefaultAdvertiserId;
const std::string kStructBc = tiktok::demo::kDemoBusinessCenterId;

std::string message_of(const json& answer) { return answer["message"].get<std::string>(); }

}  // namespace

TEST_CASE("demo tt_video/list: Spark Ads posts with nested objects, page_size up to 50") {
  auto r = structure_call("/tt_video/list/", {{"advertiser_id", kStructAdv}});
  REQUIRE(r["code"] == 0);
  const auto& post = r["data"]["list"][0];
  CHECK(post["item_info"]["item_id"].is_string());
  CHECK(post["user_info"]["identity_type"] == "TT_USER");
  CHECK(post["auth_info"]["ad_auth_status"] == "AUTHORIZED");
  CHECK(post["video_info"]["width"] == 1080);
  CHECK(r["data"]["page_info"]["page_size"] == 20);
  CHECK(r["data"]["page_info"]["total_number"] == 3);
  CHECK(structure_call("/tt_video/list/", {{"advertiser_id", kStructAdv}, {"page_size", "50"}})["code"] == 0);
  auto big = structure_call("/tt_video/list/", {{"advertiser_id", kStructAdv}, {"page_size", "51"}});
  CHECK(big["code"] == 40002);
  CHECK(message_of(big) == "page_size: Must be between 1 and 50.");
  CHECK(structure_call("/tt_video/list/", {})["code"] == 40002);
  CHECK(structure_call("/tt_video/list/", {{"advertiser_id", "1"}})["code"] == 40001);
}

TEST_CASE("demo catalog/get needs bc_id (40002) and answers for a known Business Center only") {
  auto missing = structure_call("/catalog/get/", {{"advertiser_id", kStructAdv}});
  CHECK(missing["code"] == 40002);
  CHECK(message_of(missing) == "bc_id: Missing data for required field.");
  auto r = structure_call("/catalog/get/", {{"advertiser_id", kStructAdv}, {"bc_id", kStructBc}});
  REQUIRE(r["code"] == 0);
  CHECK(r["data"]["list"].size() == 2);
  CHECK(r["data"]["list"][0]["bc_info"]["bc_id"] == kStructBc);
  CHECK(r["data"]["list"][0]["catalog_id"].is_string());
  CHECK(structure_call("/catalog/get/", {{"bc_id", "7200000000000000009"}})["code"] == 40001);
  CHECK(structure_call("/catalog/get/", {{"bc_id", kStructBc}, {"page_size", "101"}})["code"] == 40002);
}

TEST_CASE("demo bc/get lists Business Centers, filters by bc_id, page_size up to 50") {
  auto r = structure_call("/bc/get/", {});
  REQUIRE(r["code"] == 0);
  CHECK(r["data"]["list"].size() == 2);
  CHECK(r["data"]["list"][0]["bc_info"]["bc_id"] == kStructBc);
  CHECK(r["data"]["list"][0]["user_role"] == "ADMIN");
  CHECK(structure_call("/bc/get/", {{"bc_id", kStructBc}})["data"]["list"].size() == 1);
  CHECK(structure_call("/bc/get/", {{"bc_id", "7200000000000000009"}})["code"] == 40001);
  CHECK(structure_call("/bc/get/", {{"page_size", "51"}})["code"] == 40002);
  CHECK(structure_call("/bc/get/", {{"scene", "NOPE"}})["code"] == 40002);
}

TEST_CASE("demo pixel/list answers at data.pixels with page_size up to 20") {
  auto r = structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}});
  REQUIRE(r["code"] == 0);
  CHECK(r["data"]["pixels"].size() == 3);
  CHECK_FALSE(r["data"].contains("list"));
  CHECK(r["data"]["pixels"][0]["events"].size() == 3);
  CHECK(structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}, {"page_size", "20"}})["code"] == 0);
  auto big = structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}, {"page_size", "21"}});
  CHECK(big["code"] == 40002);
  CHECK(message_of(big) == "page_size: Must be between 1 and 20.");
  CHECK(structure_call("/pixel/list/", {})["code"] == 40002);
  auto latest = structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}, {"order_by", "LATEST_CREATE"}});
  CHECK(latest["data"]["pixels"][0]["pixel_name"] == "Old Landing Pages Pixel");
}

TEST_CASE("demo identity/get filters by type; BC_AUTH_TT needs identity_authorized_bc_id") {
  auto all = structure_call("/identity/get/", {{"advertiser_id", kStructAdv}});
  REQUIRE(all["code"] == 0);
  CHECK(all["data"]["identity_list"].size() == 4);
  auto tt = structure_call("/identity/get/", {{"advertiser_id", kStructAdv}, {"identity_type", "TT_USER"}});
  REQUIRE(tt["data"]["identity_list"].size() == 1);
  CHECK(tt["data"]["identity_list"][0]["display_name"] == "@northwind.outdoor");
  CHECK(structure_call("/identity/get/", {{"advertiser_id", kStructAdv}, {"identity_type", "BC_AUTH_TT"}})["code"] ==
        40002);
  auto bc = structure_call("/identity/get/", {{"advertiser_id", kStructAdv}, {"identity_type", "BC_AUTH_TT"},
                                             {"identity_authorized_bc_id", kStructBc}});
  CHECK(bc["data"]["identity_list"].size() == 1);
  CHECK(structure_call("/identity/get/", {{"advertiser_id", kStructAdv}, {"identity_type", "ROBOT"}})["code"] == 40002);
  CHECK(structure_call("/identity/get/", {{"advertiser_id", kStructAdv}, {"page_size", "101"}})["code"] == 40002);
}

TEST_CASE("demo smart_plus gets hide deleted objects unless asked and filter by ids") {
  auto campaigns = structure_call("/smart_plus/campaign/get/", {{"advertiser_id", kStructAdv}});
  REQUIRE(campaigns["code"] == 0);
  CHECK(campaigns["data"]["page_info"]["total_number"] == 2);
  CHECK(campaigns["data"]["page_info"]["page_size"] == 10);
  auto all = structure_call("/smart_plus/campaign/get/",
                            {{"advertiser_id", kStructAdv}, {"filtering", R"({"primary_status":"STATUS_ALL"})"}});
  CHECK(all["data"]["page_info"]["total_number"] == 3);
  const std::string deleted_id = all["data"]["list"][2]["campaign_id"];
  auto by_id = structure_call("/smart_plus/campaign/get/",
                              {{"advertiser_id", kStructAdv}, {"filtering", "{\"campaign_ids\":[\"" + deleted_id + "\"]}"}});
  CHECK(by_id["data"]["list"].empty());
  auto groups = structure_call("/smart_plus/adgroup/get/", {{"advertiser_id", kStructAdv}});
  CHECK(groups["data"]["list"].size() == 2);
  auto ads = structure_call("/smart_plus/ad/get/", {{"advertiser_id", kStructAdv}, {"fields", R"(["smart_plus_ad_id","ad_name"])"}});
  REQUIRE(ads["data"]["list"].size() == 4);
  CHECK(ads["data"]["list"][0].size() == 2);
  CHECK(structure_call("/smart_plus/ad/get/", {{"advertiser_id", kStructAdv}, {"page_size", "101"}})["code"] == 40002);
  CHECK(structure_call("/smart_plus/campaign/get/", {{"advertiser_id", kStructAdv}, {"page_size", "1001"}})["code"] ==
        40002);
  CHECK(structure_call("/smart_plus/adgroup/get/", {})["code"] == 40002);
  CHECK(structure_call("/smart_plus/ad/get/", {{"advertiser_id", "1"}})["code"] == 40001);
}

TEST_CASE("demo info endpoints return only the ids that exist, within TikTok's id limits") {
  const auto& account = tiktok::demo::account();
  const std::string image = account.images[0]["image_id"];
  auto images = structure_call("/file/image/ad/info/",
                               {{"advertiser_id", kStructAdv}, {"image_ids", "[\"" + image + "\",\"nope/1\"]"}});
  REQUIRE(images["code"] == 0);
  REQUIRE(images["data"]["list"].size() == 1);
  CHECK(images["data"]["list"][0]["image_id"] == image);
  const std::string video = account.videos[0]["video_id"];
  auto videos = structure_call("/file/video/ad/info/", {{"advertiser_id", kStructAdv}, {"video_ids", "[\"" + video + "\"]"}});
  CHECK(videos["data"]["list"].size() == 1);
  CHECK(structure_call("/file/image/ad/info/", {{"advertiser_id", kStructAdv}})["code"] == 40002);
  json many = json::array();
  for (int i = 0; i < 61; ++i) many.push_back("v" + std::to_string(i));
  auto too_many = structure_call("/file/video/ad/info/", {{"advertiser_id", kStructAdv}, {"video_ids", many.dump()}});
  CHECK(too_many["code"] == 40002);
  CHECK(message_of(too_many) == "video_ids: Length must be between 1 and 60.");
  CHECK(structure_call("/file/image/ad/info/", {{"advertiser_id", "1"}, {"image_ids", R"(["x"])"}})["code"] == 40001);
}

TEST_CASE("the demo structure is deterministic and its ids are digit strings beyond 2^53") {
  const auto& s = tiktok::demo::structure();
  CHECK(s.smart_plus_campaigns.size() == 6);
  CHECK(s.smart_plus_ads.size() == 12);
  for (const auto& c : s.smart_plus_campaigns) {
    const std::string id = c["campaign_id"];
    CHECK(id.find_first_not_of("0123456789") == std::string::npos);
    CHECK(std::stoull(id) > (1ULL << 53));
  }
  CHECK(structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}})["data"] ==
        structure_call("/pixel/list/", {{"advertiser_id", kStructAdv}})["data"]);
}
