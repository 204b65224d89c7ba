#pragma once
// Synthetic TikTok records in bulk, for the benchmarks: any number of campaigns shaped like the
// demo account's, and daily report rows in TikTok's nested form ({dimensions, metrics}, numbers
// as strings, "-" where TikTok has no value). Deterministic: the same arguments give the same
// records. The demo account itself is not touched.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fakes {

// `count` campaigns of `advertiser_id`, with the fields and value types of campaign/get/.
nlohmann::json synthetic_campaigns(const std::string& advertiser_id, std::size_t count);

// `count` rows of report/integrated/get/ with the given dimension and metric columns, spread
// over 100 campaigns and consecutive days from `start_date` (YYYY-MM-DD).
nlohmann::json synthetic_report_rows(const std::vector<std::string>& dimensions,
                                     const std::vector<std::string>& metrics, const std::string& start_date,
                                     std::size_t count);

}  // namespace fakes
