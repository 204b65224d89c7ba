#include "changes/applier.hpp"

#include <algorithm>

#include "execution/upstream_error.hpp"

namespace changes {

namespace {

json at_pointer(const json& data, const std::string& pointer) {
  if (pointer.empty() || !data.is_object()) return json();
  const json::json_pointer p(pointer);
  return data.contains(p) ? data[p] : json();
}

bool listed(const json& ids, const std::string& id) {
  return ids.is_array() && std::find(ids.begin(), ids.end(), json(id)) != ids.end();
}

std::string error_for(const json& errors, const std::string& id_field, const std::string& id) {
  if (!errors.is_array()) return "";
  for (const auto& e : errors) {
    if (text_of(e, id_field) != id) continue;
    const std::string message = text_of(e, "error_message");
    return message.empty() ? "refused by TikTok" : message;
  }
  return "";
}

json applied_results(const ChangeRequest& request, const execution::WriteAnswer& answer) {
  const auto& spec = request.spec();
  json results = json::array();
  if (spec.creates()) {
    const json id = at_pointer(answer.data, spec.created_id_pointer);
    results.push_back({{"id", id.is_string() ? id : json(id.dump())}, {"ok", true}});
    return results;
  }
  const json succeeded = at_pointer(answer.data, spec.succeeded_pointer);
  const json errors = at_pointer(answer.data, spec.errors_pointer);
  for (const auto& id : request.target_ids()) {
    std::string error = error_for(errors, spec.id_field, id);
    const bool ok = error.empty() && (spec.succeeded_pointer.empty() || !succeeded.is_array() || listed(succeeded, id));
    if (!ok && error.empty()) error = "TikTok did not list it among the updated ids";
    json r{{"id", id}, {"ok", ok}};
    if (!ok) r["error"] = error;
    results.push_back(std::move(r));
  }
  return results;
}

Outcome failed(const ChangeRequest& request, const execution::UpstreamError& e) {
  Outcome o;
  o.status = "failed";
  o.request_id = e.details().request_id;
  o.message = e.describe() + "\nNothing was changed.";
  const std::string error = e.details().message;
  auto ids = request.target_ids();
  if (ids.empty()) ids.push_back("(new)");
  for (const auto& id : ids) o.results.push_back({{"id", id}, {"ok", false}, {"error", error}});
  return o;
}

// Stopped while the request may have been on its way: nothing can be re-read (the call is
// being stopped), so it stays unknown.
Outcome cancelled(const ChangeRequest& request, const execution::UpstreamError& e) {
  Outcome o;
  o.status = "unknown";
  o.request_id = e.details().request_id;
  o.message = "The call was stopped while the change may have been on its way to TikTok. Check with "
              "tiktok_marketing_execute before trying again.";
  auto ids = request.target_ids();
  if (ids.empty()) ids.push_back("(new)");
  for (const auto& id : ids) o.results.push_back({{"id", id}, {"outcome", "unknown"}});
  return o;
}

// After a lost answer: what the targets look like now, and whether the change is in effect.
Outcome unknown_existing(const ChangeRequest& request, const Plan& plan, const AccountReader& reader) {
  Outcome o;
  o.status = "unknown";
  const Targets now = reader.targets(request);
  std::size_t in_effect = 0;
  for (const auto& id : request.target_ids()) {
    json r{{"id", id}, {"outcome", "unknown"}};
    auto it = now.find(id);
    bool effect = it != now.end();
    json fields = json::object();
    for (const auto& diff : plan.changes) {
      if (diff.id != id) continue;
      const json value = it != now.end() ? field_value(it->second, diff.field) : json();
      fields[diff.field] = value;
      effect = effect && value == diff.to;
    }
    r["change_in_effect"] = effect;
    r["now"] = std::move(fields);
    in_effect += effect;
    o.results.push_back(std::move(r));
  }
  o.message = "TikTok's answer was lost after the request may have arrived. Re-read just now: the change is in "
              "effect for " + std::to_string(in_effect) + " of " + std::to_string(o.results.size()) +
              " targets (see results[].now). Check with tiktok_marketing_execute before trying again.";
  return o;
}

Outcome unknown_create(const ChangeRequest& request, const Plan& plan, const AccountReader& reader) {
  Outcome o;
  o.status = "unknown";
  const auto& spec = request.spec();
  const json existed = plan.snapshot.value("existing", json::array());
  const std::string name = request.params.value(spec.lookup_param, "");
  for (const auto& r : reader.named(request)) {
    const std::string id = text_of(r, spec.id_field);
    if (listed(existed, id)) continue;
    o.results.push_back({{"id", id}, {"outcome", "unknown"}, {"change_in_effect", true},
                         {"now", {{spec.lookup_field, name}, {"operation_status", field_value(r, "operation_status")}}}});
  }
  if (o.results.empty()) {
    o.results.push_back({{"id", "(new)"}, {"outcome", "unknown"}, {"change_in_effect", false}, {"now", nullptr}});
    o.message = "TikTok's answer was lost after the create may have arrived, and re-reading just now finds no " +
                spec.level + " named \"" + name + "\": most likely it was not created. Preview again to retry.";
  } else {
    o.message = "TikTok's answer was lost, but re-reading just now finds a " + spec.level + " named \"" + name +
                "\" (id " + o.results.front()["id"].get<std::string>() +
                "): the create went through. Do not create it again.";
  }
  return o;
}

}  // namespace

Outcome apply_plan(const ChangeRequest& request, const Plan& plan, execution::Executor& executor,
                   const AccountReader& reader, const execution::CallContext& context) {
  execution::Target target{*request.entity, *request.action, std::nullopt};
  try {
    const execution::WriteAnswer answer = executor.write(target, plan.body, context);
    Outcome o;
    o.status = "applied";
    o.request_id = answer.request_id;
    o.results = applied_results(request, answer);
    return o;
  } catch (const execution::UpstreamError& e) {
    if (e.category() == execution::ErrorCategory::Cancelled) return cancelled(request, e);
    if (!e.details().outcome_unknown) return failed(request, e);
    try {
      Outcome o = request.spec().creates() ? unknown_create(request, plan, reader)
                                           : unknown_existing(request, plan, reader);
      o.request_id = e.details().request_id;
      o.message = e.describe() + "\n" + o.message;
      return o;
    } catch (const execution::UpstreamError& reread) {
      Outcome o;
      o.status = "unknown";
      o.request_id = e.details().request_id;
      o.message = e.describe() + "\nThe outcome is unknown, and re-reading the account failed too (" + reread.what() +
                  "). Check with tiktok_marketing_execute before trying again.";
      for (const auto& id : request.target_ids()) o.results.push_back({{"id", id}, {"outcome", "unknown"}});
      return o;
    }
  }
}

}  // namespace changes
