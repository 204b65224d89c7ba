#pragma once
// The built-in sample TikTok account: two advertisers with campaigns, ad groups, ads,
// audiences and creatives, generated deterministically (the same ids and values every run).
// Records have the fields and value types TikTok's API returns.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace tiktok::demo {

using nlohmann::json;

struct Account {
  json advertisers = json::array();
  json campaigns = json::array();
  json ad_groups = json::array();
  json ads = json::array();
  json audiences = json::array();  // each carries its advertiser_id
  json images = json::array();
  json videos = json::array();
};

// The account as generated; never changes. DemoApi keeps a copy that writes change.
const Account& account();

// The secondary_status of a record of `kind` (CAMPAIGN, ADGROUP, AD) whose status is ENABLE,
// DISABLE or DELETE. A deleted record keeps operation_status DISABLE.
std::string secondary_status(const std::string& kind, const std::string& status);

// A campaign record with the fields and value types TikTok's campaign/get returns. `status` is
// ENABLE, DISABLE or DELETE (shown as DISABLE with a deleted secondary_status, as TikTok does).
struct CampaignFields {
  std::string advertiser_id;
  std::string campaign_id;
  std::string name;
  std::string objective;
  double budget = 0;
  std::string budget_mode;
  std::string status;
  std::string create_time;
  std::string modify_time;
};
json campaign_record(const CampaignFields& f);

// Throws DemoError 40001 unless the account has this advertiser.
void check_advertiser(const Account& account, const std::string& advertiser_id);

// The advertiser the demo answers for when none is configured.
inline constexpr const char* kDefaultAdvertiserId = "7100000000000000001";

// A deterministic 64-bit hash of a key, for stable pseudo-random values.
std::uint64_t stable_hash(const std::string& key);

}  // namespace tiktok::demo
