#pragma once
// Counts in an upstream page_info ({page, page_size, total_number, total_page}), which TikTok
// and Airbyte send as numbers or numeric strings.

#include <nlohmann/json.hpp>

namespace execution {

// page_info[key] as a count, or -1 when absent or not a count.
long long page_count(const nlohmann::json& page_info, const char* key);

}  // namespace execution
