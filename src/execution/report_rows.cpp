#include "execution/report_rows.hpp"

namespace execution {

namespace {

using nlohmann::json;

bool is_dash(const json& value) { return value.is_string() && value.get_ref<const std::string&>() == "-"; }

// Removes `key` from `fields` and returns its value (null when absent).
json take(json::object_t& fields, const char* key) {
  auto it = fields.find(key);
  if (it == fields.end()) return json();
  json value = std::move(it->second);
  fields.erase(it);
  return value;
}

}  // namespace

// The row's nodes are moved, not copied (a report page holds thousands of rows): std::map::merge
// keeps the entries the target already has, so merging into the metrics gives metrics precedence
// over dimensions, and dimensions over the row's own top-level fields.
json flatten_report_row(json row) {
  if (!row.is_object()) return row;
  auto& fields = row.get_ref<json::object_t&>();
  json dimensions = take(fields, "dimensions");
  json metrics = take(fields, "metrics");
  json flat = metrics.is_object() ? std::move(metrics) : json::object();
  auto& out = flat.get_ref<json::object_t&>();
  if (dimensions.is_object()) out.merge(dimensions.get_ref<json::object_t&>());
  out.merge(fields);
  for (auto& [key, value] : out) {
    if (is_dash(value)) value = nullptr;
  }
  return flat;
}

void flatten_report_rows(json& rows) {
  if (!rows.is_array()) return;
  for (auto& row : rows) row = flatten_report_row(std::move(row));
}

void project_fields(nlohmann::json& records, const nlohmann::json& fields) {
  if (!records.is_array() || !fields.is_array() || fields.empty()) return;
  for (auto& record : records) {
    if (!record.is_object()) continue;
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& f : fields) {
      if (!f.is_string()) continue;
      const auto& name = f.get_ref<const std::string&>();
      if (auto it = record.find(name); it != record.end()) kept[name] = std::move(*it);
    }
    record = std::move(kept);
  }
}

}  // namespace execution
