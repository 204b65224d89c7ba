#include "execution/report_rows.hpp"

namespace execution {

namespace {

nlohmann::json no_dash(const nlohmann::json& value) { return value == "-" ? nlohmann::json() : value; }

void merge(nlohmann::json& out, const nlohmann::json& part) {
  if (!part.is_object()) return;
  for (const auto& [key, value] : part.items()) out[key] = no_dash(value);
}

}  // namespace

nlohmann::json flatten_report_row(const nlohmann::json& row) {
  if (!row.is_object()) return row;
  nlohmann::json out = nlohmann::json::object();
  const bool nested = row.contains("dimensions") || row.contains("metrics");
  for (const auto& [key, value] : row.items()) {
    if (nested && (key == "dimensions" || key == "metrics")) continue;
    out[key] = no_dash(value);
  }
  if (nested) {
    merge(out, row.value("dimensions", nlohmann::json::object()));
    merge(out, row.value("metrics", nlohmann::json::object()));
  }
  return out;
}

void flatten_report_rows(nlohmann::json& rows) {
  if (!rows.is_array()) return;
  for (auto& row : rows) row = flatten_report_row(row);
}

void project_fields(nlohmann::json& records, const nlohmann::json& fields) {
  if (!records.is_array() || !fields.is_array() || fields.empty()) return;
  for (auto& record : records) {
    if (!record.is_object()) continue;
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& f : fields) {
      if (f.is_string() && record.contains(f.get<std::string>())) kept[f.get<std::string>()] = record[f.get<std::string>()];
    }
    record = std::move(kept);
  }
}

}  // namespace execution
