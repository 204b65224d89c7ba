#include "execution/field_selection.hpp"

#include <string>
#include <vector>

namespace execution {

namespace {

using nlohmann::json;

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

// Copies the value at `parts` (if the record has it) from `from` into `to`, making objects on the way.
void copy_path(const json& from, json& to, const std::vector<std::string>& parts, std::size_t i = 0) {
  if (!from.is_object()) return;
  auto it = from.find(parts[i]);
  if (it == from.end()) return;
  if (i + 1 == parts.size()) {
    to[parts[i]] = *it;
    return;
  }
  json& child = to[parts[i]];
  if (!child.is_object()) child = json::object();
  copy_path(*it, child, parts, i + 1);
  if (child.empty()) to.erase(parts[i]);
}

void erase_path(json& record, const std::vector<std::string>& parts, std::size_t i = 0) {
  if (!record.is_object()) return;
  if (i + 1 == parts.size()) {
    record.erase(parts[i]);
    return;
  }
  auto it = record.find(parts[i]);
  if (it != record.end()) erase_path(*it, parts, i + 1);
}

std::vector<std::vector<std::string>> paths_of(const json& list) {
  std::vector<std::vector<std::string>> out;
  if (!list.is_array()) return out;
  for (const auto& p : list) {
    if (p.is_string()) out.push_back(split_path(p.get<std::string>()));
  }
  return out;
}

}  // namespace

void select_fields(json& records, const json& select, const json& exclude) {
  if (!records.is_array()) return;
  const auto selected = paths_of(select);
  const auto excluded = paths_of(exclude);
  if (selected.empty() && excluded.empty()) return;
  for (auto& record : records) {
    if (!record.is_object()) continue;
    if (!selected.empty()) {
      json kept = json::object();
      for (const auto& path : selected) copy_path(record, kept, path);
      record = std::move(kept);
      continue;
    }
    for (const auto& path : excluded) erase_path(record, path);
  }
}

}  // namespace execution
