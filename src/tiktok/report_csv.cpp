#include "tiktok/report_csv.hpp"

#include <set>

#include "util/csv.hpp"

namespace tiktok {

namespace {

using nlohmann::json;

void check_header(const std::vector<std::string>& header) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) throw util::CsvError(1, "column " + std::to_string(i + 1) + " of the header has no name");
    if (!seen.insert(header[i]).second) throw util::CsvError(1, "column \"" + header[i] + "\" appears twice in the header");
  }
}

json csv_value(std::string& field) {
  if (field.empty() || field == "-") return nullptr;
  return std::move(field);
}

}  // namespace

json report_rows_from_csv(std::string_view csv) {
  util::CsvTable table = util::parse_csv(csv);
  check_header(table.header);
  json rows = json::array();
  for (auto& fields : table.rows) {
    json row = json::object();
    for (std::size_t i = 0; i < fields.size(); ++i) row[table.header[i]] = csv_value(fields[i]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace tiktok
