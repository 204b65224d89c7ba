#include "tiktok/demo/demo_structure_data.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "tiktok/demo/demo_account.hpp"

namespace tiktok::demo {

namespace {

using nlohmann::json;

constexpr std::array<const char*, 2> kStructureAdvertisers{"7100000000000000001", "7100000000000000002"};

// The classic objects' id layout (demo_account.cpp), with object numbers from 101 on.
std::string structure_id(const char* prefix, int advertiser, int a, int b = 0, int c = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%07d%d%03d%03d%03d", prefix, 0, advertiser, a, b, c);
  return buf;
}

std::string structure_time(int month, int day, int hour) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2026-%02d-%02d %02d:%02d:00", month, day, hour, (day * 7) % 60);
  return buf;
}

json bc_record(const char* id, const char* name, const char* currency, const char* timezone, const char* area,
               const char* role) {
  return {{"bc_info",
           {{"bc_id", id},
            {"name", name},
            {"company", "Northwind Outdoor Ltd."},
            {"currency", currency},
            {"timezone", timezone},
            {"registered_area", area},
            {"status", "ENABLE"},
            {"type", "NORMAL"},
            {"organization_type", "ORGANIZATION"}}},
          {"user_role", role},
          {"ext_user_role", {{"finance_role", std::string(role) == "ADMIN" ? "MANAGER" : "ANALYST"}}}};
}

json catalog_record(const char* id, const char* name, const char* type, const char* bc_id, const char* bc_name,
                    const char* country, const char* currency, int month) {
  return {{"catalog_id", id},
          {"catalog_name", name},
          {"catalog_type", type},
          {"bc_info", {{"bc_id", bc_id}, {"bc_name", bc_name}, {"picture_url", "https://assets.example/demo/bc.png"}}},
          {"catalog_conf", {{"country", country}, {"currency", currency}}},
          {"creative_asset_type", "PRODUCT"},
          {"create_time", structure_time(month, 3, 9)},
          {"update_time", structure_time(month + 2, 14, 16)}};
}

json pixel_record(int adv, int n, const char* name, const char* mode, const char* activity) {
  char code[32];
  std::snprintf(code, sizeof code, "CDEMO%02dNW%010llu", adv * 10 + n,
                static_cast<unsigned long long>(stable_hash(name) % 10000000000ULL));
  json events = json::array();
  const char* kinds[][2] = {{"CompletePayment", "Purchase"}, {"AddToCart", "Add to cart"}, {"ViewContent", "View content"}};
  for (int e = 0; e < (n == 1 ? 3 : 1); ++e) {
    events.push_back({{"event_id", structure_id("74", adv, 100 + n, e + 1)},
                      {"event_code", kinds[e][0]},
                      {"name", kinds[e][1]},
                      {"event_type", kinds[e][0]},
                      {"statistic_type", e == 0 ? "EVERY_TIME" : "ONCE"},
                      {"currency", adv == 1 ? "USD" : "EUR"}});
  }
  return {{"pixel_id", structure_id("74", adv, 100 + n)},
          {"pixel_code", code},
          {"pixel_name", name},
          {"pixel_category", "ONLINE"},
          {"pixel_setup_mode", mode},
          {"activity_status", activity},
          {"advanced_matching_fields", {{"email", n == 1}, {"phone_number", false}}},
          {"events", std::move(events)},
          {"create_time", structure_time(1 + n, 10 + n, 11)}};
}

void add_account_assets(Structure& s, int adv, const std::string& advertiser_id) {
  const bool us = adv == 1;
  json pixels = json::array();
  pixels.push_back(pixel_record(adv, 1, us ? "Northwind Store Pixel" : "Northwind EU Store Pixel", "DEVELOPER", "ACTIVE"));
  if (us) {
    pixels.push_back(pixel_record(adv, 2, "Guided Tours Booking Pixel", "MANUAL", "ACTIVE"));
    pixels.push_back(pixel_record(adv, 3, "Old Landing Pages Pixel", "MANUAL", "INACTIVE"));
  }
  s.pixels[advertiser_id] = std::move(pixels);

  json identities = json::array();
  identities.push_back({{"identity_id", structure_id("75", adv, 101)},
                        {"identity_type", "CUSTOMIZED_USER"},
                        {"display_name", "Northwind Outdoor"},
                        {"profile_image", "https://assets.example/demo/northwind-avatar.png"},
                        {"can_pull_video", false},
                        {"can_push_video", false},
                        {"can_use_live_ads", false}});
  identities.push_back({{"identity_id", structure_id("75", adv, 102)},
                        {"identity_type", "TT_USER"},
                        {"display_name", us ? "@northwind.outdoor" : "@northwind.eu"},
                        {"profile_image", "https://assets.example/demo/northwind-tt.png"},
                        {"can_pull_video", true},
                        {"can_push_video", true},
                        {"can_use_live_ads", true}});
  identities.push_back({{"identity_id", structure_id("75", adv, 103)},
                        {"identity_type", "AUTH_CODE"},
                        {"display_name", us ? "@trail.with.mia" : "@wandern.mit.jonas"},
                        {"profile_image", "https://assets.example/demo/creator.png"},
                        {"can_pull_video", true},
                        {"can_push_video", false},
                        {"can_use_live_ads", false}});
  identities.push_back({{"identity_id", structure_id("75", adv, 104)},
                        {"identity_type", "BC_AUTH_TT"},
                        {"identity_authorized_bc_id", kDemoBusinessCenterId},
                        {"display_name", "@northwind.gear"},
                        {"profile_image", "https://assets.example/demo/northwind-gear.png"},
                        {"can_pull_video", true},
                        {"can_push_video", true},
                        {"can_use_live_ads", true}});
  s.identities[advertiser_id] = std::move(identities);

  constexpr std::array<const char*, 3> kPosts{"First light on the ridge trail #hiking #northwind",
                                              "Packing list for a 3-day trek, all in one bag",
                                              "Rain test: the Trail Shoe vs a mountain stream"};
  constexpr std::array<const char*, 3> kAuth{"AUTHORIZED", "AUTHORIZED", "EXPIRED"};
  json posts = json::array();
  for (int p = 0; p < 3; ++p) {
    const std::string item_id = structure_id("76", adv, 101 + p);
    const bool creator = p == 1;
    posts.push_back(
        {{"item_info",
          {{"item_id", item_id},
           {"auth_code", "#demo-auth-" + std::to_string(stable_hash(item_id) % 1000000)},
           {"text", kPosts[p]},
           {"status", p == 2 ? "UNAVAILABLE" : "AVAILABLE"},
           {"item_type", "VIDEO"}}},
         {"user_info",
          {{"tiktok_name", creator ? (us ? "trail.with.mia" : "wandern.mit.jonas") : (us ? "northwind.outdoor" : "northwind.eu")},
           {"identity_id", structure_id("75", adv, creator ? 103 : 102)},
           {"identity_type", creator ? "AUTH_CODE" : "TT_USER"}}},
         {"auth_info",
          {{"ad_auth_status", kAuth[p]},
           {"invite_start_time", structure_time(2 + p, 1, 10)},
           {"auth_start_time", structure_time(2 + p, 2, 12)},
           {"auth_end_time", p == 2 ? structure_time(5, 2, 12) : structure_time(12, 31, 23)}}},
         {"video_info",
          {{"duration", 12.5 + p * 9.0},
           {"preview_url", "https://assets.example/demo/spark-" + item_id + ".mp4"},
           {"poster_url", "https://assets.example/demo/spark-" + item_id + ".jpg"},
           {"width", 1080},
           {"height", 1920},
           {"size", 3145728 + p * 524288}}}});
  }
  s.spark_posts[advertiser_id] = std::move(posts);
}

struct SmartPlusSeed {
  const char* name;
  const char* objective;
  double budget;
  const char* status;  // ENABLE, DISABLE or DELETE
};

constexpr std::array<SmartPlusSeed, 3> kSmartPlus{{
    {"Smart+ Trail Shoes - Sales", "WEB_CONVERSIONS", 300, "ENABLE"},
    {"Smart+ Guided Tours - Leads", "LEAD_GENERATION", 120, "DISABLE"},
    {"Smart+ Spring Test (old)", "WEB_CONVERSIONS", 60, "DELETE"},
}};

void add_smart_plus(Structure& s, int adv, const std::string& advertiser_id) {
  for (int c = 0; c < static_cast<int>(kSmartPlus.size()); ++c) {
    const auto& seed = kSmartPlus[c];
    const std::string status = seed.status;
    const std::string operation = status == "DELETE" ? "DISABLE" : status;
    const std::string campaign_id = structure_id("18", adv, 101 + c);
    const std::string adgroup_id = structure_id("17", adv, 101 + c, 1);
    const bool leads = std::string(seed.objective) == "LEAD_GENERATION";
    s.smart_plus_campaigns.push_back({{"advertiser_id", advertiser_id},
                                      {"campaign_id", campaign_id},
                                      {"campaign_name", seed.name},
                                      {"objective_type", seed.objective},
                                      {"campaign_type", "REGULAR_CAMPAIGN"},
                                      {"budget", seed.budget},
                                      {"budget_mode", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"},
                                      {"budget_optimize_on", true},
                                      {"sales_destination", leads ? nullptr : json("WEBSITE")},
                                      {"special_industries", json::array()},
                                      {"operation_status", operation},
                                      {"secondary_status", secondary_status("CAMPAIGN", status)},
                                      {"create_time", structure_time(3 + c, 5, 9)},
                                      {"modify_time", structure_time(4 + c, 20, 15)}});
    s.smart_plus_ad_groups.push_back(
        {{"advertiser_id", advertiser_id},
         {"campaign_id", campaign_id},
         {"campaign_name", seed.name},
         {"adgroup_id", adgroup_id},
         {"adgroup_name", std::string(seed.name) + " - Ad group"},
         {"budget", 0},
         {"budget_mode", "BUDGET_MODE_INFINITE"},
         {"billing_event", "OCPM"},
         {"optimization_goal", leads ? "LEAD_GENERATION" : "CONVERT"},
         {"optimization_event", leads ? "FORM" : "SHOPPING"},
         {"pixel_id", leads ? nullptr : json(structure_id("74", adv, 101))},
         {"bid_type", "BID_TYPE_NO_BID"},
         {"schedule_type", "SCHEDULE_FROM_NOW"},
         {"schedule_start_time", structure_time(3 + c, 5, 10)},
         {"targeting_spec", {{"location_ids", json::array({adv == 1 ? "6252001" : "2921044"})}, {"age_groups", json::array({"AGE_18_24", "AGE_25_34", "AGE_35_44"})}}},
         {"operation_status", operation},
         {"secondary_status", secondary_status("ADGROUP", status)},
         {"create_time", structure_time(3 + c, 5, 10)},
         {"modify_time", structure_time(4 + c, 20, 16)}});
    for (int a = 0; a < 2; ++a) {
      const std::string video_id = "v10033g50000demo" + std::to_string(adv) + std::to_string((c + a) % 5);
      s.smart_plus_ads.push_back(
          {{"advertiser_id", advertiser_id},
           {"campaign_id", campaign_id},
           {"campaign_name", seed.name},
           {"adgroup_id", adgroup_id},
           {"adgroup_name", std::string(seed.name) + " - Ad group"},
           {"smart_plus_ad_id", structure_id("16", adv, 101 + c, 1, a + 1)},
           {"ad_name", std::string(seed.name) + (a == 0 ? " - Creatives A" : " - Creatives B")},
           {"creative_list",
            json::array({{{"creative_info",
                           {{"ad_format", "SINGLE_VIDEO"},
                            {"identity_type", "TT_USER"},
                            {"identity_id", structure_id("75", adv, 102)},
                            {"video_info", {{"video_id", video_id}, {"file_name", "trail-video-" + std::to_string((c + a) % 5 + 1) + ".mp4"}}}}},
                          {"material_operation_status", "ENABLE"}}})},
           {"ad_text_list", json::array({{{"ad_text", a == 0 ? "Built for the trail." : "Free shipping this week."}}})},
           {"call_to_action_list", json::array({{{"call_to_action", leads ? "SIGN_UP" : "SHOP_NOW"}}})},
           {"landing_page_url_list", json::array({{{"landing_page_url", "https://northwind.example/sp" + std::to_string(c + 1)}}})},
           {"operation_status", operation},
           {"secondary_status", secondary_status("AD", status)},
           {"create_time", structure_time(3 + c, 6, 11 + a)},
           {"modify_time", structure_time(4 + c, 21, 12 + a)}});
    }
  }
}

Structure build_structure() {
  Structure s;
  s.business_centers.push_back(bc_record(kDemoBusinessCenterId, "Northwind Outdoor BC (demo)", "USD",
                                         "America/Los_Angeles", "US", "ADMIN"));
  s.business_centers.push_back(bc_record("7200000000000000002", "Northwind Agency Partners BC (demo)", "EUR",
                                         "Europe/Berlin", "DE", "STANDARD"));
  s.catalogs.push_back(catalog_record("7300000000000000101", "Northwind Gear - US", "ECOM", kDemoBusinessCenterId,
                                      "Northwind Outdoor BC (demo)", "US", "USD", 1));
  s.catalogs.push_back(catalog_record("7300000000000000102", "Northwind Guided Tours", "DESTINATION",
                                      kDemoBusinessCenterId, "Northwind Outdoor BC (demo)", "US", "USD", 2));
  s.catalogs.push_back(catalog_record("7300000000000000201", "Northwind Gear - EU", "ECOM", "7200000000000000002",
                                      "Northwind Agency Partners BC (demo)", "DE", "EUR", 3));
  for (int i = 0; i < static_cast<int>(kStructureAdvertisers.size()); ++i) {
    add_account_assets(s, i + 1, kStructureAdvertisers[i]);
    add_smart_plus(s, i + 1, kStructureAdvertisers[i]);
  }
  return s;
}

}  // namespace

const Structure& structure() {
  static const Structure s = build_structure();
  return s;
}

}  // namespace tiktok::demo
