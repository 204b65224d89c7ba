#pragma once
// TikTok GET parameters: scalars as text, arrays and objects as JSON text (as the official SDK
// sends them, e.g. fields=["campaign_id","budget"]); percent-encoding happens in net/.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tiktok {

std::vector<std::pair<std::string, std::string>> to_query(const nlohmann::json& params);

}  // namespace tiktok
