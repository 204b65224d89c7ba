#include "changes/planner.hpp"

#include "catalog/write_spec.hpp"

namespace changes {

namespace {

// Fields whose change since the preview makes it stale, besides the ones the write changes.
const char* const kWatched[] = {"operation_status", "budget", "budget_mode", "bid_price", "bid_type", "modify_time"};

json watched_fields(const ChangeRequest& request, const json& record) {
  json out = json::object();
  auto keep = [&](const std::string& field) {
    if (field == "operation_status" || record.contains(field)) out[field] = field_value(record, field);
  };
  for (const char* f : kWatched) keep(f);
  for (const auto& c : request.spec().changes) keep(c.field);
  return out;
}

json target_value(const catalog::FieldChange& change, const json& params) {
  if (change.value) return *change.value;
  return params.contains(change.param) ? params[change.param] : json();
}

}  // namespace

json snapshot_of(const ChangeRequest& request, const Targets& targets) {
  json snapshot = json::object();
  for (const auto& [id, record] : targets) snapshot[id] = watched_fields(request, record);
  return snapshot;
}

json snapshot_of_named(const std::vector<json>& named, const std::string& id_field) {
  json ids = json::array();
  for (const auto& r : named) ids.push_back(text_of(r, id_field));
  return {{"existing", std::move(ids)}};
}

Plan make_plan(const ChangeRequest& request, const Targets& targets, std::vector<std::string> warnings) {
  Plan plan;
  plan.warnings = std::move(warnings);
  plan.body = catalog::build_body(request.spec(), request.params);
  const auto& spec = request.spec();
  if (spec.creates()) {
    for (const auto& c : spec.changes) {
      json to = target_value(c, request.params);
      if (!to.is_null()) plan.changes.push_back({"(new)", c.field, nullptr, std::move(to)});
    }
    return plan;
  }
  for (const auto& id : request.target_ids()) {
    const json& record = targets.at(id);
    for (const auto& c : spec.changes) {
      json to = target_value(c, request.params);
      if (to.is_null()) continue;
      json from = field_value(record, c.field);
      if (from != to) plan.changes.push_back({id, c.field, std::move(from), std::move(to)});
    }
  }
  plan.snapshot = snapshot_of(request, targets);
  return plan;
}

std::vector<std::string> drift(const json& before, const json& now) {
  std::vector<std::string> lines;
  for (const auto& [id, fields] : before.items()) {
    if (!now.contains(id)) {
      lines.push_back(id + " is no longer found");
      continue;
    }
    if (!fields.is_object()) {
      if (fields != now[id]) lines.push_back(id + " was " + fields.dump() + ", now " + now[id].dump());
      continue;
    }
    for (const auto& [field, value] : fields.items()) {
      const json current = now[id].contains(field) ? now[id][field] : json();
      if (current != value) lines.push_back(id + " " + field + " was " + value.dump() + ", now " + current.dump());
    }
  }
  return lines;
}

}  // namespace changes
