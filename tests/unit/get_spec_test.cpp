// The "get" key of catalogue actions (catalog/get_spec.cpp) and the request get_by_id builds
// from params.ids, checked with a recording executor.

#include <catch2/catch.hpp>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "execution/get_by_id.hpp"

using nlohmann::json;

namespace {

// Answers with the records whose id field is among the ids asked, and records the call.
class IdEchoExecutor : public execution::Executor {
 public:
  IdEchoExecutor(std::string field, std::vector<std::string> existing)
      : field_(std::move(field)), existing_(std::move(existing)) {}

  execution::Page fetch(const execution::Target&, const json& params, const execution::CallContext&) override {
    calls.push_back(params);
    execution::Page p;
    p.request_id = "get-request";
    for (auto it = existing_.rbegin(); it != existing_.rend(); ++it) p.records.push_back({{field_, *it}, {"name", "x"}});
    return p;
  }
  execution::CheckReport check(const execution::CallContext&) override { return {}; }
  std::string mode() const override { return "test"; }

  std::vector<json> calls;

 private:
  std::string field_;
  std::vector<std::string> existing_;
};

json prepared_get(const catalog::Action& action, json raw) {
  auto p = catalog::prepare_params(action, std::move(raw), {"7100000000000000001"});
  INFO(json(p.issues.size()).dump());
  REQUIRE(p.issues.empty());
  return p.params;
}

}  // namespace

TEST_CASE("get specs parse and refuse malformed ones") {
  auto spec = catalog::parse_get_spec(
      {{"id_field", "campaign_id"}, {"filter", "campaign_ids"}, {"page_size", 1000},
       {"include_deleted", {{"param", "include_deleted"}, {"filtering", {{"primary_status", "STATUS_ALL"}}}}}});
  CHECK(spec.id_param == "ids");
  CHECK(spec.filter_key == "campaign_ids");
  CHECK(spec.deleted_filtering == json{{"primary_status", "STATUS_ALL"}});
  CHECK(*spec.page_size == 1000);
  CHECK_THROWS_WITH(catalog::parse_get_spec({{"id_field", "x"}}), Catch::Contains("exactly one of filter and query_param"));
  CHECK_THROWS_WITH(catalog::parse_get_spec({{"id_field", "x"}, {"filter", "a"}, {"query_param", "b"}}),
                    Catch::Contains("exactly one"));
  CHECK_THROWS_WITH(catalog::parse_get_spec({{"id_field", "x"}, {"query_param", "image_ids"},
                                             {"include_deleted", {{"param", "d"}, {"filtering", json::object()}}}}),
                    Catch::Contains("include_deleted needs a filter"));
  CHECK_THROWS(catalog::parse_get_spec({{"filter", "campaign_ids"}}));  // no id_field
}

TEST_CASE("every get action is direct-only and reads through its entity's endpoint") {
  const char* rows[][3] = {{"campaigns", "campaign/get/", "campaign_ids"},
                           {"ad_groups", "adgroup/get/", "adgroup_ids"},
                           {"ads", "ad/get/", "ad_ids"},
                           {"creative_assets_images", "file/image/ad/info/", "image_ids"},
                           {"creative_assets_videos", "file/video/ad/info/", "video_ids"},
                           {"smart_plus_campaigns", "smart_plus/campaign/get/", "campaign_ids"},
                           {"smart_plus_ad_groups", "smart_plus/adgroup/get/", "adgroup_ids"},
                           {"smart_plus_ads", "smart_plus/ad/get/", "smart_plus_ad_ids"}};
  for (const auto& row : rows) {
    INFO(row[0]);
    const auto* get = catalog::Catalog::builtin().find(row[0])->find_action("get");
    REQUIRE(get != nullptr);
    REQUIRE(get->get.has_value());
    CHECK(get->direct_only);
    CHECK(get->path == row[1]);
    CHECK((get->get->filter_key == row[2] || get->get->query_param == row[2]));
    CHECK(get->is_local("ids"));
  }
  const auto* catalogs = catalog::Catalog::builtin().find("catalogs")->find_action("list");
  REQUIRE(catalogs->direct_requires.size() == 1);
  CHECK(catalogs->direct_requires[0].param == "bc_id");
  CHECK_THAT(catalogs->direct_requires[0].next_step, Catch::Contains("business_centers"));
  CHECK_FALSE(catalogs->direct_only);  // Airbyte's hosted connector has catalogs
}

TEST_CASE("get puts the ids in the filtering, adds deleted ones when asked and reports unknown ids") {
  const auto& entity = *catalog::Catalog::builtin().find("campaigns");
  const auto& action = *entity.find_action("get");
  execution::Target target{entity, action, std::nullopt};
  IdEchoExecutor executor("campaign_id", {"1800000001001000000", "1800000001002000000"});
  auto params = prepared_get(action, {{"ids", json::array({"1800000001002000000", "9", "1800000001001000000", "9"})},
                                  {"fields", json::array({"campaign_name"})}});
  auto result = execution::run_get(executor, target, params, {});
  REQUIRE(executor.calls.size() == 1);
  const json& sent = executor.calls[0];
  CHECK(sent["filtering"] == json{{"campaign_ids", {"1800000001002000000", "9", "1800000001001000000"}}});
  CHECK(sent["page_size"] == 1000);
  CHECK(sent["fields"] == json::array({"campaign_name", "campaign_id"}));  // the id field always comes back
  CHECK_FALSE(sent.contains("ids"));
  CHECK_FALSE(sent.contains("include_deleted"));
  // in the order asked
  CHECK(result.data[0]["campaign_id"] == "1800000001002000000");
  CHECK(result.data[1]["campaign_id"] == "1800000001001000000");
  CHECK(result.meta["not_found"] == json::array({"9"}));
  CHECK_THAT(result.meta["not_found_note"].get<std::string>(), Catch::Contains("include_deleted: true"));
  CHECK(result.meta["duplicate_ids"] == json::array({"9"}));
  CHECK(result.meta["requested"] == 3);
  CHECK(result.meta["found"] == 2);

  auto deleted = prepared_get(action, {{"ids", json::array({"1"})}, {"include_deleted", true}});
  IdEchoExecutor nothing("campaign_id", {});
  auto none = execution::run_get(nothing, target, deleted, {});
  CHECK(nothing.calls[0]["filtering"] == json{{"campaign_ids", {"1"}}, {"primary_status", "STATUS_ALL"}});
  CHECK(none.data.empty());
  CHECK(none.meta["not_found"] == json::array({"1"}));
  CHECK_THAT(none.meta["not_found_note"].get<std::string>(), Catch::Contains("not even as deleted"));
}

TEST_CASE("get on an info endpoint sends the ids as its query param and projects local fields") {
  const auto& entity = *catalog::Catalog::builtin().find("creative_assets_images");
  const auto& action = *entity.find_action("get");
  execution::Target target{entity, action, std::nullopt};
  IdEchoExecutor executor("image_id", {"ad-site-i18n-sg/a"});
  auto params = prepared_get(action, {{"ids", "ad-site-i18n-sg/a, ad-site-i18n-sg/b"}, {"fields", json::array({"name"})}});
  auto result = execution::run_get(executor, target, params, {});
  CHECK(executor.calls[0]["image_ids"] == json::array({"ad-site-i18n-sg/a", "ad-site-i18n-sg/b"}));
  CHECK_FALSE(executor.calls[0].contains("filtering"));
  CHECK_FALSE(executor.calls[0].contains("fields"));
  CHECK(result.data == json::array({{{"name", "x"}}}));
  CHECK(result.meta["not_found"] == json::array({"ad-site-i18n-sg/b"}));
  CHECK_THAT(result.meta["not_found_note"].get<std::string>(), !Catch::Contains("include_deleted"));
}

TEST_CASE("get refuses ids that are not digit strings, and more than 100") {
  const auto& action = *catalog::Catalog::builtin().find("ads")->find_action("get");
  auto bad = catalog::prepare_params(action, {{"ids", json::array({"12a"})}}, {"7100000000000000001"});
  CHECK_FALSE(bad.issues.empty());
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(std::to_string(1000 + i));
  CHECK_FALSE(catalog::prepare_params(action, {{"ids", many}}, {"7100000000000000001"}).issues.empty());
  CHECK_FALSE(catalog::prepare_params(action, {{"ids", json::array()}}, {"7100000000000000001"}).issues.empty());
  auto numbers = catalog::prepare_params(action, {{"ids", json::array({1600000001001001001ULL})}}, {"7100000000000000001"});
  CHECK(numbers.issues.empty());
  CHECK(numbers.params["ids"] == json::array({"1600000001001001001"}));
}
