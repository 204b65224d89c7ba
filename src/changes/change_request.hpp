#pragma once
// One asked-for change to a TikTok account and what the server plans to do about it: the
// validated request, the field changes it makes (from -> to, per target), the warnings worth
// a person's attention, and the state of the targets it was planned against.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"

namespace changes {

using nlohmann::json;

struct ChangeRequest {
  const catalog::Entity* entity = nullptr;
  const catalog::Action* action = nullptr;  // a write action (action->write is set)
  json params;                              // prepared: validated, defaults filled
  std::string advertiser_id;

  const catalog::WriteSpec& spec() const { return *action->write; }
  std::string name() const { return entity->name + "." + action->name; }
  // The ids the request targets (empty for a create).
  std::vector<std::string> target_ids() const;
};

struct FieldDiff {
  std::string id;     // the target's id, or "(new)" for a create
  std::string field;
  json from;          // null for a create
  json to;
};

struct Plan {
  std::vector<FieldDiff> changes;
  std::vector<std::string> warnings;
  json snapshot = json::object();  // id -> the watched fields of that target as read (see target_state.hpp)
  json body;                       // what will be sent
};

json to_json(const FieldDiff& diff);
json changes_json(const std::vector<FieldDiff>& diffs);

}  // namespace changes
