// The account-structure entities, Smart+ and the get action end to end: the server built for a
// Config that points at the fake TikTok server (or the fake Airbyte API for hosted mode), driven
// through an MCP session like a client would; the fake's request log shows what reached TikTok.

#include <catch2/catch.hpp>

#include "app/server_factory.hpp"
#include "config/load.hpp"
#include "fakes/fake_airbyte_server.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/session_client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_structure_data.hpp"

using nlohmann::json;

namespace {

const std::string kCatToken = canary::kTikTokAccessToken;
const std::string kCatAdv = tiktok::demo::kDefaultAdvertiserId;
const std::string kCatBc = tiktok::demo::kDemoBusinessCenterId;
// Demo campaigns of the first advertiser: the first delivers, the seventh is deleted.
const std::string kLiveCampaign = "1800000001001000000";
const std::string kDeletedCampaign = "1800000001007000000";

struct CatalogueServer {
  explicit CatalogueServer(const config::Config& c) : app(app::build(c)), client(*app.server) { client.initialize(); }
  ~CatalogueServer() { app.server->join(); }

  json execute(const std::string& entity, const std::string& action, json params = json::object()) {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", action}, {"params", params}})["result"];
  }

  app::App app;
  test::SessionClient client;
};

std::string result_text(const json& result) { return result["content"][0]["text"].get<std::string>(); }

json structured(const json& result) {
  INFO(result.dump().substr(0, 2000));
  REQUIRE_FALSE(result.contains("isError"));
  return result["structuredContent"];
}

}  // namespace

TEST_CASE("the account-structure entities list through TikTok's endpoints") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  struct Row {
    const char* entity;
    const char* path;
    const char* id_field;
  };
  const Row rows[] = {{"business_centers", "/bc/get/", "bc_info"},
                      {"pixels", "/pixel/list/", "pixel_id"},
                      {"identities", "/identity/get/", "identity_id"},
                      {"smart_plus_campaigns", "/smart_plus/campaign/get/", "campaign_id"},
                      {"smart_plus_ad_groups", "/smart_plus/adgroup/get/", "adgroup_id"},
                      {"smart_plus_ads", "/smart_plus/ad/get/", "smart_plus_ad_id"}};
  for (const auto& row : rows) {
    INFO(row.entity);
    fake.reset_log();
    const json sc = structured(s.execute(row.entity, "list"));
    REQUIRE_FALSE(sc["data"].empty());
    CHECK(sc["data"][0].contains(row.id_field));
    CHECK(sc["meta"]["page_info"]["total_number"].get<int>() == static_cast<int>(sc["data"].size()));
    REQUIRE(fake.count() == 1);
    CHECK(fake.requests()[0].path == row.path);
  }
  // identities: TikTok's type filter goes through
  fake.reset_log();
  const json tt = structured(s.execute("identities", "list", {{"identity_type", "TT_USER"}}));
  CHECK(tt["data"].size() == 1);
  CHECK(fake.requests()[0].params.at("identity_type") == "TT_USER");
  // Smart+ lists hide deleted objects as TikTok does; STATUS_ALL shows them
  const json all = structured(s.execute("smart_plus_campaigns", "list", {{"filtering", {{"primary_status", "STATUS_ALL"}}}}));
  CHECK(all["data"].size() == 3);
}

TEST_CASE("spark_ads keeps item_info, user_info, auth_info and video_info as objects") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const json sc = structured(s.execute("spark_ads", "list"));
  REQUIRE(sc["data"].size() == 3);
  for (const auto& post : sc["data"]) {
    for (const char* key : {"item_info", "user_info", "auth_info", "video_info"}) CHECK(post[key].is_object());
  }
  CHECK(sc["data"][0]["item_info"]["item_id"].is_string());
  CHECK(sc["data"][2]["auth_info"]["ad_auth_status"] == "EXPIRED");
  CHECK(fake.requests().back().path == "/tt_video/list/");
  CHECK(fake.requests().back().params.at("page_size") == "20");
  auto too_big = s.execute("spark_ads", "list", {{"page_size", 51}});
  CHECK(too_big["isError"] == true);
  CHECK_THAT(result_text(too_big), Catch::Contains("page_size"));
}

TEST_CASE("catalogs without bc_id are refused before any request, naming business_centers") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  auto refused = s.execute("catalogs", "list");
  CHECK(refused["isError"] == true);
  CHECK_THAT(result_text(refused), Catch::Contains("requires bc_id"));
  CHECK_THAT(result_text(refused), Catch::Contains("business_centers"));
  CHECK_THAT(result_text(refused), Catch::Contains("no request was sent"));
  CHECK(fake.count() == 0);

  const json sc = structured(s.execute("catalogs", "list", {{"bc_id", kCatBc}}));
  CHECK(sc["data"].size() == 2);
  CHECK(sc["data"][0]["bc_info"]["bc_id"] == kCatBc);
  REQUIRE(fake.count("/catalog/get/") == 1);
  CHECK(fake.requests()[0].params.at("bc_id") == kCatBc);
}

TEST_CASE("pixels read from data.pixels, and page_size 21 is refused before any request") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const json sc = structured(s.execute("pixels", "list"));
  CHECK(sc["data"].size() == 3);
  CHECK(sc["data"][0]["events"].is_array());
  fake.reset_log();
  auto refused = s.execute("pixels", "list", {{"page_size", 21}});
  CHECK(refused["isError"] == true);
  CHECK_THAT(result_text(refused), Catch::Contains("params.page_size"));
  CHECK_THAT(result_text(refused), Catch::Contains("20"));
  CHECK(fake.count() == 0);
}

TEST_CASE("get reads campaigns by id in the order asked and reports unknown ids by id") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const std::string second = "1800000001002000000";
  const json sc = structured(s.execute("campaigns", "get", {{"ids", {second, "1800000009999000000", kLiveCampaign}}}));
  REQUIRE(sc["data"].size() == 2);
  CHECK(sc["data"][0]["campaign_id"] == second);
  CHECK(sc["data"][1]["campaign_id"] == kLiveCampaign);
  CHECK(sc["meta"]["not_found"] == json::array({"1800000009999000000"}));
  CHECK_THAT(sc["meta"]["not_found_note"].get<std::string>(), Catch::Contains("advertiser " + kCatAdv));
  CHECK_THAT(sc["meta"]["not_found_note"].get<std::string>(), Catch::Contains("include_deleted"));
  REQUIRE(fake.count() == 1);
  const auto sent = fake.requests()[0];
  CHECK(sent.path == "/campaign/get/");
  CHECK(json::parse(sent.params.at("filtering"))["campaign_ids"].size() == 3);
  CHECK_FALSE(sent.params.count("ids"));

  // every id unknown: still a result, with all of them listed
  const json none = structured(s.execute("campaigns", "get", {{"ids", {"1", "2"}}}));
  CHECK(none["data"].empty());
  CHECK(none["meta"]["not_found"] == json::array({"1", "2"}));
  CHECK(none["meta"]["found"] == 0);

  // repeated ids are read once and said so
  const json twice = structured(s.execute("ads", "get", {{"ids", {"1600000001001001001", "1600000001001001001"}}}));
  CHECK(twice["data"].size() == 1);
  CHECK(twice["meta"]["duplicate_ids"] == json::array({"1600000001001001001"}));

  // ids must be digit strings; nothing is sent
  fake.reset_log();
  auto bad = s.execute("ad_groups", "get", {{"ids", {"17x"}}});
  CHECK(bad["isError"] == true);
  CHECK_THAT(result_text(bad), Catch::Contains("params.ids"));
  CHECK(fake.count() == 0);
}

TEST_CASE("get with include_deleted finds deleted campaigns that a plain get reports as not found") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const json plain = structured(s.execute("campaigns", "get", {{"ids", {kDeletedCampaign}}}));
  CHECK(plain["data"].empty());
  CHECK(plain["meta"]["not_found"] == json::array({kDeletedCampaign}));
  CHECK_THAT(plain["meta"]["not_found_note"].get<std::string>(), Catch::Contains("or is deleted"));

  const json with = structured(s.execute("campaigns", "get", {{"ids", {kDeletedCampaign}}, {"include_deleted", true}}));
  REQUIRE(with["data"].size() == 1);
  CHECK(with["data"][0]["secondary_status"] == "CAMPAIGN_STATUS_DELETE");
  CHECK(with["meta"]["not_found"].empty());
  CHECK(json::parse(fake.requests().back().params.at("filtering"))["primary_status"] == "STATUS_ALL");
}

TEST_CASE("get reads images and videos through their info endpoints") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const auto& account = tiktok::demo::account();
  const std::string image = account.images[1]["image_id"];
  const json images = structured(s.execute("creative_assets_images", "get", {{"ids", {image, "ad-site-i18n-sg/none"}}}));
  REQUIRE(images["data"].size() == 1);
  CHECK(images["data"][0]["image_id"] == image);
  CHECK(images["meta"]["not_found"] == json::array({"ad-site-i18n-sg/none"}));
  CHECK(fake.requests().back().path == "/file/image/ad/info/");
  CHECK(json::parse(fake.requests().back().params.at("image_ids")).size() == 2);

  const std::string video = account.videos[0]["video_id"];
  const json videos = structured(s.execute("creative_assets_videos", "get", {{"ids", {video}}, {"fields", {"video_id", "duration"}}}));
  REQUIRE(videos["data"].size() == 1);
  CHECK(videos["data"][0] == json{{"video_id", video}, {"duration", account.videos[0]["duration"]}});
  CHECK(fake.requests().back().path == "/file/video/ad/info/");
}

TEST_CASE("Smart+ campaigns, ad groups and ads get by id, deleted ones when asked") {
  fakes::FakeTikTokServer fake(kCatToken);
  CatalogueServer s(test::direct_config(fake.base_url()));
  const auto& sp = tiktok::demo::structure();
  const std::string live = sp.smart_plus_campaigns[0]["campaign_id"];
  const std::string deleted = sp.smart_plus_campaigns[2]["campaign_id"];
  const json campaigns = structured(s.execute("smart_plus_campaigns", "get", {{"ids", {live, deleted}}}));
  CHECK(campaigns["data"].size() == 1);
  CHECK(campaigns["meta"]["not_found"] == json::array({deleted}));
  const json with = structured(s.execute("smart_plus_campaigns", "get", {{"ids", {live, deleted}}, {"include_deleted", true}}));
  CHECK(with["data"].size() == 2);
  CHECK(fake.requests().back().path == "/smart_plus/campaign/get/");

  const std::string group = sp.smart_plus_ad_groups[0]["adgroup_id"];
  CHECK(structured(s.execute("smart_plus_ad_groups", "get", {{"ids", {group}}}))["data"][0]["adgroup_id"] == group);
  const std::string ad = sp.smart_plus_ads[1]["smart_plus_ad_id"];
  const json ads = structured(s.execute("smart_plus_ads", "get", {{"ids", {ad}}}));
  REQUIRE(ads["data"].size() == 1);
  CHECK(ads["data"][0]["creative_list"].is_array());
  CHECK(json::parse(fake.requests().back().params.at("filtering"))["smart_plus_ad_ids"] == json::array({ad}));
  CHECK(fake.requests().back().params.at("page_size") == "100");
}

TEST_CASE("demo mode serves the new entities and get with meta.demo") {
  config::Config c;
  c.demo = true;
  CatalogueServer s(c);
  const json sc = structured(s.execute("campaigns", "get", {{"ids", {kLiveCampaign, "42"}}}));
  CHECK(sc["meta"]["demo"] == true);
  CHECK(sc["data"].size() == 1);
  CHECK(sc["meta"]["not_found"] == json::array({"42"}));
  auto refused = s.execute("catalogs", "list");
  CHECK(refused["isError"] == true);
  CHECK_THAT(result_text(refused), Catch::Contains("business_centers"));
  CHECK(structured(s.execute("business_centers", "list"))["data"].size() == 2);
}

namespace {

constexpr const char* kCatClientId = "client-id-catalogue";
constexpr const char* kCatClientSecret = canary::kAirbyteClientSecret;
constexpr const char* kCatUser = "user-catalogue";

struct HostedCatalogueServer {
  HostedCatalogueServer() : fake(kCatClientId, kCatClientSecret) {
    fake.add_connector(kCatUser, "TikTok");
    config::Environment env{{"AIRBYTE_CLIENT_ID", kCatClientId},
                            {"AIRBYTE_CLIENT_SECRET", kCatClientSecret},
                            {"AIRBYTE_EXTERNAL_USER_ID", kCatUser},
                            {"AIRBYTE_API_BASE_URL", fake.url()}};
    app = std::make_unique<app::App>(app::build(config::load({}, env).config));
    client = std::make_unique<test::SessionClient>(*app->server);
    client->initialize();
  }
  ~HostedCatalogueServer() { app->server->join(); }

  json execute(const std::string& entity, const std::string& action, json params) {
    return client->call("tiktok_marketing_execute", {{"entity", entity}, {"action", action}, {"params", params}})["result"];
  }
  std::size_t executions() const { return fake.count("POST", "/api/v1/integrations/connectors/"); }

  fakes::FakeAirbyteServer fake;
  std::unique_ptr<app::App> app;
  std::unique_ptr<test::SessionClient> client;
};

}  // namespace

TEST_CASE("hosted mode refuses direct-only entities and get by name, and passes catalogs through") {
  HostedCatalogueServer s;
  const json adv{{"advertiser_id", kCatAdv}};
  const std::pair<const char*, const char*> direct_only[] = {
      {"business_centers", "list"}, {"pixels", "list"}, {"identities", "list"}, {"smart_plus_campaigns", "list"},
      {"smart_plus_ad_groups", "get"}, {"smart_plus_ads", "list"}, {"campaigns", "get"}, {"creative_assets_images", "get"}};
  for (const auto& [entity, action] : direct_only) {
    INFO(entity << "." << action);
    json params = std::string(entity) == "business_centers" ? json::object() : adv;
    if (std::string(action) == "get") params["ids"] = {"1800000001001000000"};
    auto refused = s.execute(entity, action, params);
    CHECK(refused["isError"] == true);
    CHECK_THAT(result_text(refused), Catch::Contains(std::string(entity) + "." + action + " is read from TikTok directly"));
    CHECK_THAT(result_text(refused), Catch::Contains("TIKTOK_MARKETING_ACCESS_TOKEN"));
  }
  CHECK(s.executions() == 0);

  // Airbyte's own entities go to the connector: spark_ads, and catalogs even without bc_id
  const json spark = structured(s.execute("spark_ads", "list", adv));
  CHECK(spark["data"][0]["item_info"].is_object());
  auto catalogs = s.execute("catalogs", "list", adv);
  CHECK(s.executions() == 2);  // sent, not refused here: the hosted connector answers for itself
  CHECK_THAT(catalogs.dump(), Catch::Contains("bc_id"));
  const json with_bc = structured(s.execute("catalogs", "list", {{"advertiser_id", kCatAdv}, {"bc_id", kCatBc}}));
  CHECK(with_bc["data"].size() == 2);
}
