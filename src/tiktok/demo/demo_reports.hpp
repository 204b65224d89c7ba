#pragma once
// Report rows for the demo account, computed on demand for any date range. Ad-level figures
// derive from a stable hash of (ad, day); hours and audience segments split a day's figures by
// fixed shares that add up exactly; ad group, campaign and advertiser rows are sums of their
// ads, so every level and breakdown agrees. Rows have TikTok's shape: {dimensions, metrics},
// metric values as strings, "-" where a ratio has no denominator.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tiktok::demo {

struct ReportQuery {
  std::string advertiser_id;
  std::string report_type = "BASIC";  // BASIC | AUDIENCE (gender, age, country_code, platform)
  std::string data_level;  // AUCTION_ADVERTISER | AUCTION_CAMPAIGN | AUCTION_ADGROUP | AUCTION_AD
  std::vector<std::string> dimensions;
  std::vector<std::string> metrics;
  long start_day = 0;  // days since 1970-01-01, inclusive
  long end_day = 0;
  bool lifetime = false;  // query_lifetime: each ad from its creation day to today; dates unused
  nlohmann::json filtering;  // [{field_name, filter_type, filter_value}] or null
  std::string order_field;
  std::string order_type;  // ASC | DESC
  bool span_limits = true;  // false for async tasks (report/task/create/), which have none
};

// Throws DemoError (40002) for what TikTok refuses: unknown metrics or dimensions, metrics
// that do not exist at the level, unique-visitor metrics by audience, a daily range over 30
// days or an hourly one over a day (unless span_limits is false).
nlohmann::json report_rows(const ReportQuery& query);

// Every metric the demo can compute.
const std::vector<std::string>& known_metrics();

}  // namespace tiktok::demo
