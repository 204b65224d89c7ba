#pragma once
// The demo's answers for TikTok's account-structure endpoints: Spark Ads posts (tt_video/list/),
// catalogs (catalog/get/), Business Centers (bc/get/), pixels (pixel/list/), identities
// (identity/get/), Smart+ campaigns, ad groups and ads (smart_plus/*/get/) and the creative info
// endpoints (file/image/ad/info/, file/video/ad/info/), with TikTok's limits and error codes
// (DemoError: 40002 for a missing or malformed param or a page_size over the maximum, 40001 for
// an advertiser or Business Center the account does not have). Each returns the envelope's data.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tiktok/demo/demo_account.hpp"

namespace tiktok::demo {

using StructureQuery = std::map<std::string, std::string>;

nlohmann::json spark_posts_data(const Account& account, const StructureQuery& q);
nlohmann::json catalogs_data(const Account& account, const StructureQuery& q);
nlohmann::json business_centers_data(const Account& account, const StructureQuery& q);
nlohmann::json pixels_data(const Account& account, const StructureQuery& q);
nlohmann::json identities_data(const Account& account, const StructureQuery& q);
nlohmann::json smart_plus_campaigns_data(const Account& account, const StructureQuery& q);
nlohmann::json smart_plus_ad_groups_data(const Account& account, const StructureQuery& q);
nlohmann::json smart_plus_ads_data(const Account& account, const StructureQuery& q);
// Only the ids the advertiser has come back, as TikTok's info endpoints answer.
nlohmann::json image_info_data(const Account& account, const StructureQuery& q);
nlohmann::json video_info_data(const Account& account, const StructureQuery& q);

}  // namespace tiktok::demo
