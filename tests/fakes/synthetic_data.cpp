#include "fakes/synthetic_data.hpp"

#include <cstdio>

#include "tiktok/demo/demo_account.hpp"
#include "util/date.hpp"

namespace fakes {

namespace {

using nlohmann::json;
using tiktok::demo::stable_hash;

constexpr std::size_t kReportCampaigns = 100;  // report rows cycle through this many campaigns

std::string synthetic_id(const char* prefix, std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%017zu", prefix, n);
  return buf;
}

std::string decimal(std::uint64_t hundredths) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llu.%02llu", static_cast<unsigned long long>(hundredths / 100),
                static_cast<unsigned long long>(hundredths % 100));
  return buf;
}

// A metric's value as TikTok writes it: a string, "-" for ratios TikTok cannot compute, and
// the campaign name for campaign_name.
json metric_value(const std::string& metric, std::size_t campaign, std::uint64_t h) {
  if (metric == "campaign_name") return "Synthetic campaign " + std::to_string(campaign + 1);
  if (metric.find("cost") != std::string::npos && h % 7 == 0) return "-";
  if (metric == "spend" || metric.rfind("cp", 0) == 0 || metric.find("cost") != std::string::npos) {
    return decimal(h % 500000);
  }
  if (metric == "ctr" || metric == "frequency" || metric.rfind("average", 0) == 0) return decimal(h % 1000);
  return std::to_string(h % 1000000);
}

json dimension_value(const std::string& dimension, std::size_t campaign, long day) {
  if (dimension == "stat_time_day") return util::format_date(day) + " 00:00:00";
  if (dimension == "campaign_id") return synthetic_id("18", campaign + 1);
  if (dimension == "adgroup_id") return synthetic_id("17", campaign + 1);
  if (dimension == "ad_id") return synthetic_id("16", campaign + 1);
  return tiktok::demo::kDefaultAdvertiserId;
}

}  // namespace

json synthetic_campaigns(const std::string& advertiser_id, std::size_t count) {
  json out = json::array();
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t h = stable_hash("campaign/" + std::to_string(i));
    out.push_back(tiktok::demo::campaign_record(
        {advertiser_id, synthetic_id("18", i + 1), "Synthetic campaign " + std::to_string(i + 1),
         h % 2 ? "TRAFFIC" : "WEB_CONVERSIONS", static_cast<double>(h % 100000) / 10.0,
         h % 3 ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL", h % 5 ? "ENABLE" : "DISABLE",
         "2026-01-" + std::to_string(10 + i % 20) + " 09:00:00", "2026-02-" + std::to_string(10 + i % 18) + " 15:00:00"}));
  }
  return out;
}

json synthetic_report_rows(const std::vector<std::string>& dimensions, const std::vector<std::string>& metrics,
                           const std::string& start_date, std::size_t count) {
  const long first_day = util::parse_date(start_date).value_or(0);
  json rows = json::array();
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t campaign = i % kReportCampaigns;
    const long day = first_day + static_cast<long>(i / kReportCampaigns);
    json dims = json::object();
    for (const auto& d : dimensions) dims[d] = dimension_value(d, campaign, day);
    json values = json::object();
    for (const auto& m : metrics) values[m] = metric_value(m, campaign, stable_hash(m + "/" + std::to_string(i)));
    rows.push_back({{"dimensions", std::move(dims)}, {"metrics", std::move(values)}});
  }
  return rows;
}

}  // namespace fakes
