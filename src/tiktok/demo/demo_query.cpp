#include "tiktok/demo/demo_query.hpp"

#include <algorithm>

#include "tiktok/demo/demo_error.hpp"

namespace tiktok::demo::query {

using nlohmann::json;

std::optional<std::string> optional(const Params& q, const std::string& name) {
  auto it = q.find(name);
  if (it == q.end()) return std::nullopt;
  return it->second;
}

std::string required(const Params& q, const std::string& name) {
  auto v = optional(q, name);
  if (!v || v->empty()) throw DemoError(40002, name + ": Missing data for required field.");
  return *v;
}

json json_value(const Params& q, const std::string& name, json fallback) {
  auto v = optional(q, name);
  if (!v) return fallback;
  json parsed = json::parse(*v, nullptr, false);
  if (parsed.is_discarded()) throw DemoError(40002, name + ": Not a valid JSON value.");
  return parsed;
}

std::vector<std::string> id_list(const Params& q, const std::string& name, std::size_t max_items) {
  const json ids = json_value(q, name, nullptr);
  if (!ids.is_array() || ids.empty()) throw DemoError(40002, name + ": Missing data for required field.");
  if (ids.size() > max_items) {
    throw DemoError(40002, name + ": Length must be between 1 and " + std::to_string(max_items) + ".");
  }
  std::vector<std::string> out;
  for (const auto& id : ids) {
    if (!id.is_string()) throw DemoError(40002, name + ": Not a valid string.");
    out.push_back(id.get<std::string>());
  }
  return out;
}

long long integer(const Params& q, const std::string& name, long long fallback, long long max) {
  auto v = optional(q, name);
  if (!v) return fallback;
  long long n = 0;
  try {
    std::size_t used = 0;
    n = std::stoll(*v, &used);
    if (used != v->size()) throw std::invalid_argument(name);
  } catch (const std::exception&) {
    throw DemoError(40002, name + ": Not a valid integer.");
  }
  if (n < 1 || n > max) throw DemoError(40002, name + ": Must be between 1 and " + std::to_string(max) + ".");
  return n;
}

json page_of(const json& records, const Params& q, long long max_page_size, long long default_page_size,
             const std::string& list_key) {
  const long long page = integer(q, "page", 1, 1000000);
  const long long size = integer(q, "page_size", default_page_size, max_page_size);
  const long long total = static_cast<long long>(records.size());
  json list = json::array();
  for (long long i = (page - 1) * size; i < total && i < page * size; ++i) list.push_back(records[i]);
  const long long total_page = (total + size - 1) / size;
  return {{list_key, std::move(list)},
          {"page_info", {{"page", page}, {"page_size", size}, {"total_number", total}, {"total_page", total_page}}}};
}

json project(const json& records, const json& fields) {
  if (!fields.is_array()) return records;
  json out = json::array();
  for (const auto& r : records) {
    json kept = json::object();
    for (const auto& f : fields) {
      const std::string name = f.is_string() ? f.get<std::string>() : "";
      if (!r.contains(name)) throw DemoError(40002, "fields: Invalid field " + f.dump() + ".");
      kept[name] = r[name];
    }
    out.push_back(std::move(kept));
  }
  return out;
}

bool listed_in(const json& filter, const std::string& key, const json& value) {
  if (!filter.contains(key)) return true;
  const json& allowed = filter[key];
  if (!allowed.is_array()) throw DemoError(40002, "filtering." + key + ": Not a valid list.");
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool status_allows(const json& filter, bool deleted, const std::string& operation) {
  const std::string primary = filter.value("primary_status", "STATUS_NOT_DELETE");
  if (primary == "STATUS_ALL") return true;
  if (primary == "STATUS_DELETE") return deleted;
  if (primary == "STATUS_NOT_DELETE") return !deleted;
  if (primary == "STATUS_DELIVERY_OK") return !deleted && operation == "ENABLE";
  if (primary == "STATUS_DISABLE") return !deleted && operation == "DISABLE";
  throw DemoError(40002, "filtering.primary_status: Invalid value " + primary + ".");
}

}  // namespace tiktok::demo::query
