#include "tiktok/demo/demo_account.hpp"

#include <array>
#include <cstdio>

#include "tiktok/demo/demo_error.hpp"

namespace tiktok::demo {

namespace {

struct AdvertiserSeed {
  const char* id;
  const char* name;
  const char* currency;
  const char* timezone;
  const char* country;
};

constexpr std::array<AdvertiserSeed, 2> kAdvertisers{{
    {"7100000000000000001", "Northwind Outdoor (demo)", "USD", "America/Los_Angeles", "US"},
    {"7100000000000000002", "Northwind Outdoor EU (demo)", "EUR", "Europe/Berlin", "DE"},
}};

struct CampaignSeed {
  const char* name;
  const char* objective;
  const char* budget_mode;
  double budget;
  const char* status;  // ENABLE, DISABLE or DELETE
};

constexpr std::array<CampaignSeed, 7> kCampaigns{{
    {"Spring Sale - Traffic", "TRAFFIC", "BUDGET_MODE_DAY", 150, "ENABLE"},
    {"Trail Shoes - Conversions", "WEB_CONVERSIONS", "BUDGET_MODE_DAY", 400, "ENABLE"},
    {"Brand Awareness - Reach", "REACH", "BUDGET_MODE_TOTAL", 6000, "ENABLE"},
    {"Creator Videos - Video Views", "VIDEO_VIEWS", "BUDGET_MODE_DAY", 80, "ENABLE"},
    {"App Installs - Android", "APP_PROMOTION", "BUDGET_MODE_DAY", 120, "DISABLE"},
    {"Lead Gen - Guided Tours", "LEAD_GENERATION", "BUDGET_MODE_INFINITE", 0, "ENABLE"},
    {"Old Winter Promo", "TRAFFIC", "BUDGET_MODE_DAY", 50, "DELETE"},
}};

constexpr std::array<const char*, 3> kAudienceTargets{"Broad 18-34", "Hikers & Campers", "Retargeting - Site Visitors"};

std::string id(const char* prefix, int advertiser, int a, int b = 0, int c = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%07d%d%03d%03d%03d", prefix, 0, advertiser, a, b, c);
  return buf;
}

std::string timestamp(int day_of_year, int seconds) {
  // Dates in 2026, early in the year, "YYYY-MM-DD HH:MM:SS" as TikTok formats them.
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = 0;
  while (day_of_year >= kDays[month]) day_of_year -= kDays[month++];
  char buf[64];  // room for any int the compiler cannot bound
  std::snprintf(buf, sizeof buf, "2026-%02d-%02d %02d:%02d:%02d", month + 1, day_of_year + 1, (seconds / 3600) % 24,
                (seconds / 60) % 60, seconds % 60);
  return buf;
}

json advertiser_record(const AdvertiserSeed& a, int index) {
  return {{"advertiser_id", a.id},
          {"name", a.name},
          {"company", "Northwind Outdoor Ltd."},
          {"status", "STATUS_ENABLE"},
          {"role", "ROLE_ADVERTISER"},
          {"currency", a.currency},
          {"timezone", a.timezone},
          {"display_timezone", a.timezone},
          {"balance", index == 0 ? 12840.55 : 3120.0},
          {"country", a.country},
          {"industry", "291905"},
          {"language", "en"},
          {"email", "ads@northwind.example"},
          {"advertiser_account_type", "RESERVATION"},
          {"brand", "Northwind"},
          {"description", "Sample account served by tiktok-marketing-mcp --demo"},
          {"rejection_reason", ""},
          {"create_time", 1767225600 + index * 86400}};
}

void add_campaign_tree(Account& account, int adv, const AdvertiserSeed& advertiser) {
  for (int c = 0; c < static_cast<int>(kCampaigns.size()); ++c) {
    const auto& seed = kCampaigns[c];
    const std::string campaign_id = id("18", adv, c + 1);
    const std::string status = seed.status;
    account.campaigns.push_back(campaign_record({advertiser.id, campaign_id, seed.name, seed.objective, seed.budget,
                                                 seed.budget_mode, status, timestamp(10 + c * 7, 3600 * 9 + c * 61),
                                                 timestamp(40 + c * 5, 3600 * 15 + c * 17)}));
    for (int g = 0; g < 3; ++g) {
      const std::string adgroup_id = id("17", adv, c + 1, g + 1);
      const std::string adgroup_name = std::string(seed.name).substr(0, std::string(seed.name).find(" -")) + " - " +
                                       kAudienceTargets[g];
      const std::string g_status = status == "ENABLE" && g == 2 && c % 2 == 1 ? "DISABLE" : status;
      const bool custom_bid = c == 0 && g == 0;
      account.ad_groups.push_back(
          {{"advertiser_id", advertiser.id},
           {"campaign_id", campaign_id},
           {"campaign_name", seed.name},
           {"adgroup_id", adgroup_id},
           {"adgroup_name", adgroup_name},
           {"placement_type", "PLACEMENT_TYPE_AUTOMATIC"},
           {"placements", json::array({"PLACEMENT_TIKTOK"})},
           {"budget", seed.budget_mode == std::string("BUDGET_MODE_DAY") ? seed.budget / 3 : 0},
           {"budget_mode", seed.budget_mode == std::string("BUDGET_MODE_DAY") ? "BUDGET_MODE_DAY" : "BUDGET_MODE_INFINITE"},
           // One custom-bid ad group per advertiser (CPC, so bid_price applies), for bid updates.
           {"bid_type", custom_bid ? "BID_TYPE_CUSTOM" : "BID_TYPE_NO_BID"},
           {"bid_price", custom_bid ? json(1.2) : json(0)},
           {"billing_event", g == 0 ? "CPC" : "OCPM"},
           {"optimization_goal", g == 0 ? "CLICK" : "CONVERT"},
           {"pacing", "PACING_MODE_SMOOTH"},
           {"schedule_type", "SCHEDULE_FROM_NOW"},
           {"schedule_start_time", timestamp(10 + c * 7, 0)},
           {"schedule_end_time", "2036-01-01 00:00:00"},
           {"gender", "GENDER_UNLIMITED"},
           {"age_groups", g == 0 ? json::array({"AGE_18_24", "AGE_25_34"}) : json::array({"AGE_25_34", "AGE_35_44"})},
           {"languages", json::array({adv == 1 ? "en" : "de"})},
           {"location_ids", json::array({adv == 1 ? "6252001" : "2921044"})},
           {"operation_status", g_status == "DELETE" ? "DISABLE" : g_status},
           {"secondary_status", secondary_status("ADGROUP", g_status)},
           {"create_time", timestamp(10 + c * 7, 3600 * 10 + g)},
           {"modify_time", timestamp(45 + c * 5, 3600 * 11 + g)}});
      for (int a = 0; a < 2; ++a) {
        const std::string ad_id = id("16", adv, c + 1, g + 1, a + 1);
        account.ads.push_back(
            {{"advertiser_id", advertiser.id},
             {"campaign_id", campaign_id},
             {"campaign_name", seed.name},
             {"adgroup_id", adgroup_id},
             {"adgroup_name", adgroup_name},
             {"placement_type", "PLACEMENT_TYPE_AUTOMATIC"},
             {"ad_id", ad_id},
             {"ad_name", adgroup_name + (a == 0 ? " - Video A" : " - Video B")},
             {"ad_text", a == 0 ? "Gear up for the trail. Free shipping this week." : "Built for the outdoors. Shop now."},
             {"ad_format", "SINGLE_VIDEO"},
             {"call_to_action", a == 0 ? "SHOP_NOW" : "LEARN_MORE"},
             {"landing_page_url", "https://northwind.example/c" + std::to_string(c + 1)},
             {"display_name", "Northwind Outdoor"},
             {"identity_type", "CUSTOMIZED_USER"},
             {"video_id", "v10033g50000demo" + std::to_string(adv) + std::to_string((c * 6 + g * 2 + a) % 5)},
             {"image_ids", json::array()},
             {"is_aco", false},
             {"creative_authorized", false},
             {"operation_status", g_status == "DELETE" ? "DISABLE" : g_status},
             {"secondary_status", secondary_status("AD", g_status)},
             {"create_time", timestamp(11 + c * 7, 3600 * 12 + a)},
             {"modify_time", timestamp(50 + c * 5, 3600 * 13 + a)}});
      }
    }
  }
}

void add_library(Account& account, int adv, const AdvertiserSeed& advertiser) {
  constexpr std::array<const char*, 4> kAudienceTypes{"Customer File", "Lookalike Audience", "Engagement",
                                                      "Website Traffic"};
  for (int i = 0; i < 4; ++i) {
    account.audiences.push_back({{"advertiser_id", advertiser.id},
                                 {"audience_id", id("19", adv, i + 1)},
                                 {"name", std::string(kAudienceTypes[i]) + " - Northwind"},
                                 {"audience_type", kAudienceTypes[i]},
                                 {"cover_num", 120000 + i * 45500},
                                 {"is_valid", true},
                                 {"is_expiring", i == 3},
                                 {"is_creator", false},
                                 {"shared", i == 1},
                                 {"calculate_type", nullptr},
                                 {"create_time", timestamp(20 + i * 9, 3600 * 8)},
                                 {"expired_time", timestamp(200 + i * 9, 3600 * 8)}});
  }
  for (int i = 0; i < 4; ++i) {
    const std::string image_id = "ad-site-i18n-sg/2026030" + std::to_string(i + 1) + "demo" + std::to_string(adv);
    account.images.push_back({{"advertiser_id", advertiser.id},
                              {"image_id", image_id},
                              {"material_id", id("20", adv, i + 1)},
                              {"file_name", "trail-banner-" + std::to_string(i + 1) + ".jpg"},
                              {"format", "jpeg"},
                              {"width", i % 2 ? 1080 : 720},
                              {"height", i % 2 ? 1920 : 1280},
                              {"size", 184320 + i * 1024},
                              {"signature", "demo-signature-" + std::to_string(stable_hash(image_id) % 100000)},
                              {"image_url", "https://assets.example/demo/" + image_id + ".jpg"},
                              {"is_carousel_usable", i < 2},
                              {"displayable", true},
                              {"create_time", timestamp(30 + i, 3600 * 10)},
                              {"modify_time", timestamp(30 + i, 3600 * 10)}});
  }
  for (int i = 0; i < 5; ++i) {
    const std::string video_id = "v10033g50000demo" + std::to_string(adv) + std::to_string(i);
    account.videos.push_back({{"advertiser_id", advertiser.id},
                              {"video_id", video_id},
                              {"material_id", id("21", adv, i + 1)},
                              {"file_name", "trail-video-" + std::to_string(i + 1) + ".mp4"},
                              {"format", "mp4"},
                              {"duration", 15.0 + i * 7.5},
                              {"width", 1080},
                              {"height", 1920},
                              {"size", 5242880 + i * 733001},
                              {"bit_rate", 2500000},
                              {"signature", "demo-signature-" + std::to_string(stable_hash(video_id) % 100000)},
                              {"video_cover_url", "https://assets.example/demo/" + video_id + ".jpg"},
                              {"preview_url", "https://assets.example/demo/" + video_id + ".mp4"},
                              {"preview_url_expire_time", "2036-01-01 00:00:00"},
                              {"allowed_placements", json::array({"PLACEMENT_TIKTOK", "PLACEMENT_PANGLE"})},
                              {"allow_download", true},
                              {"displayable", true},
                              {"create_time", timestamp(25 + i * 3, 3600 * 14)},
                              {"modify_time", timestamp(25 + i * 3, 3600 * 14)}});
  }
}

Account build() {
  Account account;
  for (int i = 0; i < static_cast<int>(kAdvertisers.size()); ++i) {
    account.advertisers.push_back(advertiser_record(kAdvertisers[i], i));
    add_campaign_tree(account, i + 1, kAdvertisers[i]);
    add_library(account, i + 1, kAdvertisers[i]);
  }
  return account;
}

}  // namespace

std::uint64_t stable_hash(const std::string& key) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a splitmix finaliser for spread
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

std::string secondary_status(const std::string& kind, const std::string& status) {
  if (status == "DELETE") return kind + "_STATUS_DELETE";
  if (status == "DISABLE") return kind + "_STATUS_DISABLE";
  return kind == "CAMPAIGN" ? "CAMPAIGN_STATUS_ENABLE" : kind + "_STATUS_DELIVERY_OK";
}

json campaign_record(const CampaignFields& f) {
  return {{"advertiser_id", f.advertiser_id},
          {"campaign_id", f.campaign_id},
          {"campaign_name", f.name},
          {"campaign_type", "REGULAR_CAMPAIGN"},
          {"objective_type", f.objective},
          {"objective", "LANDING_PAGE"},
          {"budget", f.budget},
          {"budget_mode", f.budget_mode},
          {"operation_status", f.status == "DELETE" ? "DISABLE" : f.status},
          {"secondary_status", secondary_status("CAMPAIGN", f.status)},
          {"is_new_structure", true},
          {"is_smart_performance_campaign", false},
          {"is_search_campaign", false},
          {"budget_optimize_on", false},
          {"deep_bid_type", nullptr},
          {"roas_bid", 0},
          {"create_time", f.create_time},
          {"modify_time", f.modify_time}};
}

void check_advertiser(const Account& account, const std::string& advertiser_id) {
  for (const auto& a : account.advertisers) {
    if (a["advertiser_id"] == advertiser_id) return;
  }
  throw DemoError(40001, "No permission to operate advertiser " + advertiser_id +
                             ". The demo account has advertisers 7100000000000000001 and 7100000000000000002.");
}

const Account& account() {
  static const Account a = build();
  return a;
}

}  // namespace tiktok::demo
