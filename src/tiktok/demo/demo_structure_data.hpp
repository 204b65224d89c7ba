#pragma once
// The demo account's structure beyond campaigns: Business Centers, catalogs, pixels,
// identities, Spark Ads posts and Smart+ (Upgraded) campaigns, ad groups and ads. Generated
// deterministically, with the fields and value types TikTok's endpoints return; ids are strings.

#include <nlohmann/json.hpp>

namespace tiktok::demo {

struct Structure {
  nlohmann::json business_centers = nlohmann::json::array();  // bc/get/ records
  nlohmann::json catalogs = nlohmann::json::array();          // each under bc_info.bc_id
  // Keyed by advertiser_id: each advertiser's records, as TikTok lists them for it.
  nlohmann::json pixels = nlohmann::json::object();
  nlohmann::json identities = nlohmann::json::object();
  nlohmann::json spark_posts = nlohmann::json::object();
  // Each carries its advertiser_id, as TikTok's records do.
  nlohmann::json smart_plus_campaigns = nlohmann::json::array();
  nlohmann::json smart_plus_ad_groups = nlohmann::json::array();
  nlohmann::json smart_plus_ads = nlohmann::json::array();
};

const Structure& structure();

// The Business Center that owns the demo's main catalogues.
inline constexpr const char* kDemoBusinessCenterId = "7200000000000000001";

}  // namespace tiktok::demo
