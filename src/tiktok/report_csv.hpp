#pragma once
// The rows of an async report as report/task/download/ returns them for output_format
// CSV_STRING with enable_report_title_translation=false: a header of field names (the
// dimensions and metrics asked for), then one line per row. Each row becomes a flat object
// keyed by the header, as the sync report's rows are once flattened: values stay TikTok's
// strings, and "-" (TikTok's "no value") and empty fields become null.

#include <string_view>

#include <nlohmann/json.hpp>

namespace tiktok {

// Throws util::CsvError for malformed CSV (the message names the line) and for a header with
// an empty or repeated column name.
nlohmann::json report_rows_from_csv(std::string_view csv);

}  // namespace tiktok
