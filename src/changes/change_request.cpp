#include "changes/change_request.hpp"

namespace changes {

std::vector<std::string> ChangeRequest::target_ids() const {
  const auto& s = spec();
  std::vector<std::string> ids;
  if (s.creates() || !params.contains(s.id_param)) return ids;
  const json& value = params[s.id_param];
  if (value.is_string()) ids.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& v : value) ids.push_back(v.get<std::string>());
  }
  return ids;
}

json to_json(const FieldDiff& diff) { return {{"id", diff.id}, {"field", diff.field}, {"from", diff.from}, {"to", diff.to}}; }

json changes_json(const std::vector<FieldDiff>& diffs) {
  json out = json::array();
  for (const auto& d : diffs) out.push_back(to_json(d));
  return out;
}

}  // namespace changes
