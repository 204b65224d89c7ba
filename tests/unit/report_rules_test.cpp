// TikTok's report compatibility rules (schemas/rules/reports.json) and how report params and
// date ranges are planned from them: the rule a request breaks and its fix, lifetime and
// audience defaults, the catalogue's report template, and the split into windows.

#include <catch2/catch.hpp>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "catalog/report_rules.hpp"
#include "execution/report_split.hpp"

using catalog::Catalog;
using catalog::ReportRules;
using nlohmann::json;

namespace {

const std::string kAdv = "7000000000000000001";

const catalog::Action& list_of(const std::string& entity) { return *Catalog::builtin().find(entity)->find_action("list"); }

// The params as the execute tool checks them: coerced, defaulted, validated.
json prepared(const std::string& entity, json params) {
  auto p = catalog::prepare_params(list_of(entity), std::move(params), {kAdv});
  INFO(schema::format_issues(p.issues));
  REQUIRE(p.issues.empty());
  return p.params;
}

std::string broken_rule(const std::string& entity, json params) {
  auto refusal = ReportRules::builtin().check(prepared(entity, std::move(params)));
  return refusal ? refusal->rule : "";
}

const json kWeek{{"start_date", "2026-10-01"}, {"end_date", "2026-10-07"}};

json week(json extra) {
  json p = kWeek;
  p.update(extra);
  return p;
}

}  // namespace

TEST_CASE("every level entity's defaults pass the rules, in each form") {
  for (const char* level : {"advertisers", "campaigns", "ad_groups", "ads"}) {
    for (const char* kind : {"_reports_daily", "_reports_hourly", "_reports_lifetime"}) {
      const std::string entity = std::string(level) + kind;
      INFO(entity);
      CHECK(broken_rule(entity, kWeek).empty());
    }
    CHECK(broken_rule(std::string(level) + "_reports_lifetime", json::object()).empty());
  }
}

TEST_CASE("a refusal names the rule, the offending field and the fix") {
  auto refusal = ReportRules::builtin().check(
      prepared("ads_reports_daily", week({{"dimensions", json{"ad_id", "campaign_id"}}})));
  REQUIRE(refusal);
  CHECK(refusal->rule == "one_id_dimension");
  refusal = ReportRules::builtin().check(prepared("ads_reports_daily", week({{"dimensions", json{"campaign_id"}}})));
  REQUIRE(refusal);
  CHECK(refusal->rule == "ad_level_parents_in_metrics");
  CHECK(refusal->message == "campaign_id is a dimension at data_level AUCTION_AD, where rows are ads");
  CHECK(refusal->fix == "at AUCTION_AD, put campaign_id in metrics and keep ad_id as the dimension");
  CHECK_THAT(catalog::describe_refusal(*refusal), Catch::StartsWith("TikTok's report rule ad_level_parents_in_metrics: "));
}

TEST_CASE("levels, metrics and dimensions that TikTok refuses together") {
  CHECK(broken_rule("ads_reports_daily", week({{"dimensions", json{"ad_id", "stat_time_day", "stat_time_hour"}}})) ==
        "one_time_dimension");
  CHECK(broken_rule("campaigns_reports_daily", week({{"metrics", json{"spend", "ad_name"}}})) ==
        "ad_attributes_at_ad_level");
  CHECK(broken_rule("campaigns_reports_daily", week({{"metrics", json{"spend", "adgroup_name"}}})) ==
        "ad_group_attributes_below_campaign");
  CHECK(broken_rule("advertisers_reports_daily", week({{"metrics", json{"campaign_name"}}})) ==
        "campaign_name_below_advertiser");
  CHECK(broken_rule("ads_reports_daily", week({{"metrics", json{"cash_spend"}}})) == "account_spend_at_advertiser_level");
  CHECK(broken_rule("campaigns_reports_daily", week({{"dimensions", json{"ad_id"}}})) == "campaign_level_dimensions");
  CHECK(broken_rule("ad_groups_reports_daily", week({{"dimensions", json{"campaign_id"}}})) == "ad_group_level_dimensions");
  CHECK(broken_rule("advertisers_reports_daily", week({{"dimensions", json{"campaign_id"}}})) ==
        "advertiser_level_dimensions");
  CHECK(broken_rule("ads_reports_daily", week({{"order_field", "ad_name"}})) == "no_sort_on_attributes");
  CHECK(broken_rule("ads_reports_daily", week({{"order_field", "spend"}})).empty());
}

TEST_CASE("lifetime reports: no time or audience breakdown, no dates, BASIC only") {
  CHECK(prepared("ads_reports_lifetime", json::object())["query_lifetime"] == true);
  CHECK_FALSE(prepared("ads_reports_lifetime", kWeek).contains("query_lifetime"));
  CHECK(broken_rule("reports", {{"dimensions", json{"campaign_id", "stat_time_day"}}, {"query_lifetime", true}}) ==
        "lifetime_no_time_dimension");
  CHECK(broken_rule("reports", {{"dimensions", json{"campaign_id", "gender"}}, {"query_lifetime", true},
                                {"report_type", "AUDIENCE"}}) == "lifetime_no_audience_dimension");
  CHECK(broken_rule("reports", {{"dimensions", json{"campaign_id"}}, {"query_lifetime", true}, {"report_type", "CATALOG"}}) ==
        "lifetime_report_types");
  CHECK(broken_rule("ads_reports_lifetime", week({{"query_lifetime", true}})) == "lifetime_ignores_dates");
  CHECK(broken_rule("ads_reports_lifetime", {{"query_lifetime", false}}) == "dates_or_lifetime");
}

TEST_CASE("audience reports: an audience dimension, and no unique-visitor metrics") {
  // the level entity's default metrics (reach, frequency, results) make way for the audience set
  const json audience = prepared("campaigns_reports_daily",
                                 week({{"report_type", "AUDIENCE"}, {"dimensions", json{"campaign_id", "gender"}}}));
  CHECK(audience["metrics"] == list_of("campaigns_reports_daily").report->audience_metrics);
  CHECK(ReportRules::builtin().check(audience) == std::nullopt);
  CHECK(broken_rule("campaigns_reports_daily", week({{"report_type", "AUDIENCE"}})) ==
        "audience_report_needs_audience_dimension");
  CHECK(broken_rule("campaigns_reports_daily", week({{"dimensions", json{"campaign_id", "age"}}})) ==
        "audience_dimensions_need_audience_report");
  CHECK(broken_rule("reports", week({{"report_type", "AUDIENCE"}, {"dimensions", json{"campaign_id", "age"}},
                                     {"metrics", json{"spend", "reach"}}})) == "no_unique_visitor_metrics_by_audience");
  CHECK(broken_rule("reports", week({{"report_type", "AUDIENCE"}, {"data_level", "AUCTION_AD"},
                                     {"dimensions", json{"ad_id", "country_code", "stat_time_hour"}},
                                     {"metrics", json{"spend"}}})) == "no_hourly_country_breakdown");
}

TEST_CASE("the rule file's vocabulary is checked when it loads") {
  json doc = ReportRules::builtin().document();
  doc["rules"][0]["check"] = {{"no_such_check", true}};
  CHECK_THROWS_WITH(ReportRules::from_json(doc), Catch::Contains("unknown check no_such_check"));
  doc = ReportRules::builtin().document();
  doc["rules"][0]["when"] = {{"no_such_condition", true}};
  CHECK_THROWS_WITH(ReportRules::from_json(doc), Catch::Contains("unknown condition no_such_condition"));
}

TEST_CASE("the report template gives each entity its level, dimensions and metric set") {
  const auto& hourly = list_of("ads_reports_hourly");
  CHECK((*hourly.property("dimensions"))["default"] == json{"ad_id", "stat_time_hour"});
  CHECK((*hourly.property("data_level"))["default"] == "AUCTION_AD");
  CHECK((*hourly.property("metrics"))["default"] == (*list_of("ads_reports_daily").property("metrics"))["default"]);
  auto required = hourly.required();
  CHECK(std::count(required.begin(), required.end(), "start_date") == 1);
  const auto& lifetime = list_of("campaigns_reports_lifetime");
  CHECK((*lifetime.property("dimensions"))["default"] == json{"campaign_id"});
  required = lifetime.required();
  CHECK(std::count(required.begin(), required.end(), "start_date") == 0);
  CHECK(lifetime.direct_only);
  CHECK_FALSE(list_of("ads_reports_lifetime").direct_only);  // Airbyte has it
  CHECK(Catalog::builtin().find("ads_reports_hourly")->find_action("context_store_search") != nullptr);
  CHECK_FALSE(list_of("reports").property("dimensions")->contains("default"));
}

TEST_CASE("ranges split by the time dimension's span; long or untimed ranges go async") {
  const auto& rules = ReportRules::builtin();
  CHECK(rules.span_days("stat_time_hour") == 1);
  CHECK(rules.span_days("stat_time_day") == 30);
  CHECK(rules.span_days("") == 365);
  auto hourly = execution::plan_report_split(list_of("ads_reports_hourly"),
                                             prepared("ads_reports_hourly", {{"start_date", "2026-10-01"},
                                                                             {"end_date", "2026-10-03"}}));
  REQUIRE(hourly.windows.size() == 3);
  CHECK(hourly.windows[2].start == "2026-10-03");
  CHECK(hourly.windows[2].end == "2026-10-03");
  CHECK(execution::sync_limit_reason(hourly) == std::nullopt);
  auto month = execution::plan_report_split(list_of("ads_reports_hourly"),
                                            prepared("ads_reports_hourly", {{"start_date", "2026-09-01"},
                                                                            {"end_date", "2026-10-31"}}));
  CHECK(month.windows.size() == 61);
  CHECK_THAT(*execution::sync_limit_reason(month), Catch::Contains("61 synchronous requests"));
  auto totals = execution::plan_report_split(list_of("ads_reports_lifetime"),
                                             prepared("ads_reports_lifetime", {{"start_date", "2025-01-01"},
                                                                               {"end_date", "2026-06-30"}}));
  CHECK(totals.windows.empty());
  CHECK_THAT(*execution::sync_limit_reason(totals), Catch::Contains("546 days"));
  auto lifetime = execution::plan_report_split(list_of("ads_reports_lifetime"), prepared("ads_reports_lifetime", {}));
  CHECK(lifetime.range_days == 0);
  CHECK(execution::sync_limit_reason(lifetime) == std::nullopt);
}
