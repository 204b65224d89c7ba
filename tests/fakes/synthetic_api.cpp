#include "fakes/synthetic_api.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "fakes/synthetic_data.hpp"

namespace fakes {

namespace {

using nlohmann::json;
using Query = std::map<std::string, std::string>;

constexpr const char* kCampaignsPath = "/campaign/get/";
constexpr const char* kReportPath = "/report/integrated/get/";

std::string value_or(const Query& q, const std::string& key, const std::string& fallback) {
  auto it = q.find(key);
  return it == q.end() ? fallback : it->second;
}

long long number_or(const Query& q, const std::string& key, long long fallback) {
  try {
    return std::max(1LL, std::stoll(value_or(q, key, std::to_string(fallback))));
  } catch (const std::exception&) {
    return fallback;
  }
}

std::vector<std::string> names(const Query& q, const std::string& key, std::vector<std::string> fallback) {
  json parsed = json::parse(value_or(q, key, ""), nullptr, false);
  if (!parsed.is_array()) return fallback;
  std::vector<std::string> out;
  for (const auto& v : parsed) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

// One page of `all`, in TikTok's {list, page_info} form.
json page_of(const json& all, const Query& q) {
  const long long page = number_or(q, "page", 1);
  const long long size = number_or(q, "page_size", 10);
  const long long total = static_cast<long long>(all.size());
  json list = json::array();
  for (long long i = (page - 1) * size; i < total && i < page * size; ++i) list.push_back(all[i]);
  return {{"list", std::move(list)},
          {"page_info", {{"page", page}, {"page_size", size}, {"total_number", total}, {"total_page", (total + size - 1) / size}}}};
}

std::string key_of(const std::string& path, const Query& q) {
  std::string key = path;
  for (const auto& [k, v] : q) key += "&" + k + "=" + v;
  return key;
}

}  // namespace

std::optional<std::string> SyntheticApi::answer(const std::string& path, const Query& query) {
  const bool synthetic = (path == kCampaignsPath && sizes_.campaigns > 0) || (path == kReportPath && sizes_.report_rows > 0);
  if (!synthetic) return std::nullopt;
  const std::string key = key_of(path, query);
  std::lock_guard lock(mutex_);
  auto it = bodies_.find(key);
  if (it == bodies_.end()) it = bodies_.emplace(key, build(path, query)).first;
  return it->second;
}

std::string SyntheticApi::build(const std::string& path, const Query& query) const {
  const std::string advertiser = value_or(query, "advertiser_id", "");
  json all = path == kCampaignsPath
                 ? synthetic_campaigns(advertiser, sizes_.campaigns)
                 : synthetic_report_rows(names(query, "dimensions", {"campaign_id", "stat_time_day"}),
                                         names(query, "metrics", {"spend", "impressions"}),
                                         value_or(query, "start_date", "2026-01-01"), sizes_.report_rows);
  return json{{"code", 0}, {"message", "OK"}, {"request_id", "synthetic-request-id"}, {"data", page_of(all, query)}}.dump();
}

}  // namespace fakes
