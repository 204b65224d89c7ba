#pragma once
// TikTok report rows arrive as {"dimensions": {...}, "metrics": {...}} with "-" for "no
// value". Flattening puts every dimension and metric at the top level and turns "-" into null.

#include <nlohmann/json.hpp>

namespace execution {

// Flattens one row; a row without dimensions/metrics objects is returned with only "-" fixed.
nlohmann::json flatten_report_row(nlohmann::json row);

void flatten_report_rows(nlohmann::json& rows);

// Keeps only the named fields of each record (records without a field simply lack it).
void project_fields(nlohmann::json& records, const nlohmann::json& fields);

}  // namespace execution
