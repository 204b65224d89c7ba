#include "tools/change_tool.hpp"

#include "catalog/embedded.hpp"
#include "changes/change_service.hpp"
#include "execution/upstream_error.hpp"
#include "mcp/protocol_error.hpp"
#include "schema/validator.hpp"
#include "tools/context_bridge.hpp"
#include "util/date.hpp"

namespace tools {

namespace {

using nlohmann::json;

std::string join_with(const std::vector<std::string>& list, const char* separator) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::vector<std::string> write_actions_of(const catalog::Entity& entity) {
  std::vector<std::string> names;
  for (const auto& a : entity.actions) {
    if (a.is_write()) names.push_back(a.name);
  }
  return names;
}

std::string value_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// The change as a person reads it, for the question asked through elicitation.
std::string summary(const changes::ChangeRequest& request, const changes::Plan& plan) {
  std::string text = "Apply this change to TikTok advertiser " + request.advertiser_id + "?\n" + request.name() + ":";
  for (const auto& d : plan.changes) {
    text += "\n- " + d.id + ": " + d.field + " " + (d.from.is_null() ? "(unset)" : value_text(d.from)) + " -> " +
            value_text(d.to);
  }
  if (!plan.warnings.empty()) text += "\nWarnings:\n- " + join_with(plan.warnings, "\n- ");
  return text;
}

json decision_schema() {
  return {{"type", "object"},
          {"properties",
           {{"decision",
             {{"type", "string"},
              {"title", "Apply this change?"},
              {"description", "approve sends it to TikTok now; decline changes nothing"},
              {"enum", json::array({"approve", "decline"})}}}}},
          {"required", json::array({"decision"})}};
}

json preview_json(const changes::ChangeRequest& request, const changes::Plan& plan) {
  return {{"status", "preview"},
          {"entity", request.entity->name},
          {"action", request.action->name},
          {"advertiser_id", request.advertiser_id},
          {"changes", changes::changes_json(plan.changes)},
          {"warnings", plan.warnings}};
}

mcp::ToolResult token_preview(const changes::ChangeRequest& request, changes::Plan plan, changes::ChangeService& service) {
  json out = preview_json(request, plan);
  const auto issued = service.hold(request, std::move(plan));
  out["confirm"] = issued.token;
  out["expires_at"] = util::format_utc_time(issued.expires_at);
  out["message"] = "Nothing was changed. To apply exactly this, call tiktok_marketing_change again with the same "
                   "entity, action and params and confirm: \"" + issued.token + "\" before " +
                   out["expires_at"].get<std::string>() + ". Show the changes and warnings to the user first.";
  return mcp::ToolResult::structured_json(std::move(out));
}

mcp::ToolResult outcome_result(const changes::ChangeRequest& request, const changes::Outcome& o) {
  json out{{"status", o.status},
           {"entity", request.entity->name},
           {"action", request.action->name},
           {"advertiser_id", request.advertiser_id},
           {"results", o.results},
           {"request_id", o.request_id}};
  if (!o.message.empty()) out["message"] = o.message;
  return mcp::ToolResult::structured_json(std::move(out), o.status != "applied");
}

// Asks the person; falls back to a token when the client cannot be asked after all.
mcp::ToolResult ask_person(const Environment& env, const changes::ChangeRequest& request, changes::Plan plan,
                           mcp::ToolContext& context) {
  json answer;
  try {
    answer = context.request_client("elicitation/create",
                                    {{"message", summary(request, plan)}, {"requestedSchema", decision_schema()}});
  } catch (const mcp::ProtocolError& e) {
    if (context.cancelled()) throw;
    plan.warnings.push_back(std::string("The server could not ask you directly (") + e.what() +
                            "), so this preview needs a confirm token.");
    return token_preview(request, std::move(plan), *env.changes);
  }
  const json action = answer.is_object() ? answer.value("action", json()) : json();
  const json content = answer.is_object() ? answer.value("content", json()) : json();
  const bool approved = action == "accept" && content.is_object() && content.value("decision", json()) == "approve";
  if (!approved) {
    json out = preview_json(request, plan);
    out["status"] = "declined";
    out["message"] = "The user did not approve (" + (action.is_string() ? action.get<std::string>() : "no answer") +
                     (action == "accept" ? ", decision " + content.value("decision", json()).dump() : "") +
                     "), so nothing was changed.";
    return mcp::ToolResult::structured_json(std::move(out));
  }
  return outcome_result(request, env.changes->apply_approved(request, plan, context.client_name(), bridge(context)));
}

mcp::ToolResult run_change(const Environment& env, const json& args, mcp::ToolContext& context) {
  const catalog::Entity* entity = env.catalog->find(args.at("entity").get<std::string>());
  const std::string action_name = args.at("action").get<std::string>();
  const catalog::Action* action = entity->find_action(action_name);
  if (action == nullptr || !action->is_write()) {
    return mcp::ToolResult::error("Entity " + entity->name + " has no write action \"" + action_name +
                                  "\"; its write actions are: " + join_with(write_actions_of(*entity), ", ") + ".");
  }
  auto prepared = catalog::prepare_params(*action, args.value("params", json::object()), env.defaults);
  if (!prepared.issues.empty()) {
    return mcp::ToolResult::error("Invalid params for " + entity->name + "." + action_name + ":\n" +
                                  schema::format_issues(prepared.issues) +
                                  "\nFix them and call again; nothing was read or changed. tiktok_marketing_describe "
                                  "with entity=\"" + entity->name + "\" lists every parameter.");
  }
  changes::ChangeRequest request{entity, action, std::move(prepared.params), ""};
  request.advertiser_id = request.params.value("advertiser_id", "");
  try {
    if (args.contains("confirm")) {
      return outcome_result(request, env.changes->confirm(request, args["confirm"].get<std::string>(),
                                                          context.client_name(), bridge(context)));
    }
    changes::Plan plan = env.changes->plan(request, bridge(context));
    if (context.client_supports_form_elicitation()) return ask_person(env, request, std::move(plan), context);
    return token_preview(request, std::move(plan), *env.changes);
  } catch (const execution::UpstreamError& e) {
    return mcp::ToolResult::error(e.describe());
  }
}

std::string description() {
  return "Change a TikTok ad account: pause, enable or delete campaigns, ad groups and ads (update_status, 1-20 "
         "ids), change a campaign's or ad group's budget, bid or name (update), or create a campaign (create; always "
         "created paused). Two steps: call without confirm first; nothing changes, the server reads the targets, "
         "checks TikTok's budget rules and the operator's caps, and returns a preview {changes: [{id, field, from, "
         "to}], warnings, confirm, expires_at}. Show it to the user; to apply, call again with the same entity, "
         "action and params plus confirm (single use, 5 minutes; refused if the targets changed meanwhile). Clients "
         "that support forms are asked directly instead. Results: {status: applied|failed|unknown, results: [{id, "
         "ok, error?}], request_id}; unknown means TikTok's answer was lost, and results[].now says what the account "
         "shows now. tiktok_marketing_describe lists each action's params.";
}

}  // namespace

mcp::Tool change_tool(const Environment& env) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_change";
  tool.title = "TikTok Marketing: change the account";
  tool.description = description();
  tool.input_schema = catalog::embedded_json("tools/change.input.json");
  tool.input_schema["properties"]["entity"]["enum"] = env.catalog->writable_entity_names();
  tool.input_schema["properties"]["action"]["enum"] = env.catalog->write_action_names();
  tool.output_schema = catalog::embedded_json("tools/change.output.json");
  tool.annotations = {.read_only = false, .destructive = true, .idempotent = false, .open_world = true};
  tool.handler = [&env](const json& args, mcp::ToolContext& context) { return run_change(env, args, context); };
  return tool;
}

}  // namespace tools
