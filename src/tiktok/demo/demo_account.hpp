#pragma once
// The built-in sample TikTok account: two advertisers with campaigns, ad groups, ads,
// audiences and creatives, generated deterministically (the same ids and values every run).
// Records have the fields and value types TikTok's API returns.

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

const Account& account();

// The advertiser the demo answers for when none is configured.
inline constexpr const char* kDefaultAdvertiserId = "7100000000000000001";

// A deterministic 64-bit hash of a key, for stable pseudo-random values.
std::uint64_t stable_hash(const std::string& key);

}  // namespace tiktok::demo
