#include <catch2/catch.hpp>

#include "catalog/catalog.hpp"

using catalog::Catalog;

TEST_CASE("the built-in catalogue has the connector's entities, advertiser discovery and account structure, in order") {
  const auto& c = Catalog::builtin();
  CHECK(c.entity_names() == std::vector<std::string>{
                                "advertisers", "campaigns", "ad_groups", "ads", "audiences", "creative_assets_images",
                                "creative_assets_videos", "advertisers_reports_daily", "campaigns_reports_daily",
                                "ad_groups_reports_daily", "ads_reports_daily", "advertiser_ids",
                                "advertisers_reports_hourly", "campaigns_reports_hourly", "ad_groups_reports_hourly",
                                "ads_reports_hourly", "advertisers_reports_lifetime", "campaigns_reports_lifetime",
                                "ad_groups_reports_lifetime", "ads_reports_lifetime", "reports", "spark_ads", "catalogs",
                                "business_centers", "pixels", "identities", "smart_plus_campaigns",
                                "smart_plus_ad_groups", "smart_plus_ads"});
  CHECK(c.action_names() == std::vector<std::string>{"list", "context_store_search", "context_store_sql_query", "get"});
}

TEST_CASE("every Airbyte entity has list and context_store_search; paths end with a slash") {
  for (const auto& e : Catalog::builtin().entities()) {
    const auto* list = e.find_action("list");
    REQUIRE(list != nullptr);
    CHECK(list->path.back() == '/');
    CHECK(list->method == "GET");
    // advertiser discovery, Airbyte's list-only catalogs and the direct-only entities have no search
    if (e.name != "advertiser_ids" && e.name != "catalogs" && !list->direct_only) {
      const auto* search = e.find_action("context_store_search");
      REQUIRE(search != nullptr);
      CHECK(search->hosted_only);
      CHECK_FALSE(search->searchable_fields.empty());
      CHECK(search->required() == std::vector<std::string>{"query"});
    }
  }
}

TEST_CASE("entity endpoints, page size limits and required params match the connector") {
  struct Row {
    const char* entity;
    const char* path;
    int max_page_size;
    const char* required;
  };
  const Row rows[] = {
      {"advertisers", "advertiser/info/", 100, "advertiser_ids"},
      {"campaigns", "campaign/get/", 1000, "advertiser_id"},
      {"ad_groups", "adgroup/get/", 1000, "advertiser_id"},
      {"ads", "ad/get/", 1000, "advertiser_id"},
      {"audiences", "dmp/custom_audience/list/", 100, "advertiser_id"},
      {"creative_assets_images", "file/image/ad/search/", 100, "advertiser_id"},
      {"creative_assets_videos", "file/video/ad/search/", 100, "advertiser_id"},
      {"campaigns_reports_daily", "report/integrated/get/", 1000, "advertiser_id"},
  };
  for (const auto& row : rows) {
    INFO(row.entity);
    const auto* list = Catalog::builtin().find(row.entity)->find_action("list");
    CHECK(list->path == row.path);
    CHECK((*list->property("page_size"))["maximum"] == row.max_page_size);
    auto req = list->required();
    CHECK(std::find(req.begin(), req.end(), row.required) != req.end());
  }
}

TEST_CASE("report entities carry the documented defaults and their data level") {
  const char* levels[][2] = {{"advertisers_reports_daily", "AUCTION_ADVERTISER"},
                             {"campaigns_reports_daily", "AUCTION_CAMPAIGN"},
                             {"ad_groups_reports_daily", "AUCTION_ADGROUP"},
                             {"ads_reports_daily", "AUCTION_AD"}};
  for (const auto& [entity, level] : levels) {
    const auto* list = Catalog::builtin().find(entity)->find_action("list");
    REQUIRE(list->report);
    CHECK((*list->property("data_level"))["default"] == level);
    CHECK((*list->property("service_type"))["default"] == "AUCTION");
    CHECK((*list->property("report_type"))["default"] == "BASIC");
    CHECK((*list->property("metrics"))["default"].size() >= 28);
  }
  const auto* ads = Catalog::builtin().find("ads_reports_daily")->find_action("list");
  CHECK((*ads->property("dimensions"))["default"] == nlohmann::json{"ad_id", "stat_time_day"});
  CHECK((*ads->property("metrics"))["default"].size() == 49);  // 4 attributes + 15 results + 27 common + 3 ad fields
}

TEST_CASE("local parameters are never sent upstream") {
  const auto* list = Catalog::builtin().find("campaigns")->find_action("list");
  CHECK(list->is_local("limit"));
  CHECK(list->is_local("all_pages"));
  CHECK_FALSE(list->is_local("fields"));
  const auto* audiences = Catalog::builtin().find("audiences")->find_action("list");
  CHECK(audiences->is_local("fields"));
}

TEST_CASE("a malformed catalogue is refused with the file named") {
  std::vector<catalog::EmbeddedFile> files{
      {"entities/_common.json", R"({"$defs":{},"context_store_search":{"params":{"type":"object"}}})"},
      {"entities/bad.json", R"({"entity":"bad","summary":"x","actions":{"list":{"method":"GET","path":"no/slash"}}})"}};
  CHECK_THROWS_WITH(Catalog::from_files(files), Catch::Contains("entities/bad.json"));
}
