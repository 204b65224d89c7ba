#include "tools/describe_tool.hpp"

#include <algorithm>

#include "catalog/embedded.hpp"
#include "catalog/report_rules.hpp"

namespace tools {

namespace {

using nlohmann::json;

json describe_param(const catalog::Action& action, const std::string& name, bool required) {
  const json& raw = action.params_schema["properties"][name];
  const json* resolved = action.property(name);
  json p{{"name", name}, {"required", required}};
  for (const char* key : {"type", "enum", "default", "minimum", "maximum", "minItems", "maxItems", "format"}) {
    if (resolved->contains(key)) p[key] = (*resolved)[key];
  }
  if (resolved->contains("items") && (*resolved)["items"].is_object()) p["items"] = "strings";
  const std::string description = raw.value("description", resolved->value("description", ""));
  if (!description.empty()) p["description"] = description;
  if (resolved->value("x-config-default", "") != "") p["default_from"] = "TIKTOK_MARKETING_ADVERTISER_ID";
  if (action.is_local(name)) p["handled_by"] = "server (not sent to TikTok)";
  return p;
}

json describe_action(const catalog::Action& action, const Environment& env) {
  const bool hosted = env.hosted;
  json a{{"action", action.name}};
  if (!action.summary.empty()) a["summary"] = action.summary;
  if (action.is_write()) {
    a["tool"] = "tiktok_marketing_change";
    a["available"] = env.changes != nullptr ? "yes" : hosted ? "no: hosted mode only reads; writes need direct mode"
                                                             : "no: needs TIKTOK_MARKETING_ALLOW_WRITES=true";
    a["upstream"] = action.method + " /open_api/v1.3/" + action.path;
    a["retried_on_transient_errors"] = action.write->idempotent;
  } else if (action.hosted_only) {
    a["available"] = hosted ? "yes (hosted mode)" : "no: needs hosted mode (Airbyte credentials)";
    a["searchable_fields"] = action.searchable_fields;
  } else {
    a["upstream"] = action.method + " /open_api/v1.3/" + action.path;
    if (action.direct_only) a["available"] = hosted ? "no: direct mode only (Airbyte's connector lacks it)" : "yes";
  }
  if (action.report) {
    const json& rules = catalog::ReportRules::builtin().document();
    a["date_range"] = {{"start", action.report->start_param},
                       {"end", action.report->end_param},
                       {"max_days_per_request", rules.at("spans")},
                       {"longer_ranges", "split into windows and merged, or run as an async task"},
                       {"without_dates", action.report->lifetime_when_no_dates ? "lifetime totals (query_lifetime)"
                                                                               : "not allowed"}};
    a["audience_metrics_default"] = action.report->audience_metrics;
    a["report_rules"] = "checked before any request; listed in report_rules below";
  }
  if (action.needs_app_credentials) a["needs"] = "TIKTOK_MARKETING_APP_ID and TIKTOK_MARKETING_APP_SECRET";
  auto required = action.required();
  json params = json::array();
  for (const auto& [name, unused] : action.params_schema["properties"].items()) {
    params.push_back(describe_param(action, name, std::find(required.begin(), required.end(), name) != required.end()));
  }
  a["params"] = std::move(params);
  return a;
}

mcp::ToolResult unknown_entity(const std::string& name, const catalog::Catalog& catalog) {
  std::string names;
  for (const auto& n : catalog.entity_names()) names += (names.empty() ? "" : ", ") + n;
  return mcp::ToolResult::error("Unknown entity \"" + name + "\"; the entities are: " + names +
                                ". Omit entity to list them with a summary each.");
}

// TikTok's report compatibility rules as the model needs them: each rule's id, when it
// applies, what it refuses and the fix, with the named sets it refers to.
json report_rules() {
  const json& doc = catalog::ReportRules::builtin().document();
  json rules = json::array();
  for (const auto& r : doc.at("rules")) {
    json rule{{"id", r.at("id")}, {"refuses", r.at("message")}, {"fix", r.at("fix")}};
    if (r.contains("when")) rule["when"] = r["when"];
    rule["check"] = r.at("check");
    rules.push_back(std::move(rule));
  }
  return {{"sets", doc.at("sets")}, {"spans_days", doc.at("spans")}, {"rules", std::move(rules)}};
}

}  // namespace

json describe_entity(const catalog::Entity& entity, const Environment& env) {
  json actions = json::array();
  for (const auto& a : entity.actions) actions.push_back(describe_action(a, env));
  json e{{"entity", entity.name},
         {"summary", entity.summary},
         {"when_to_use", entity.when_to_use},
         {"examples", entity.examples},
         {"key_fields", entity.key_fields},
         {"actions", std::move(actions)}};
  if (!entity.record_id.empty()) e["record_id"] = entity.record_id;
  const bool report = std::any_of(entity.actions.begin(), entity.actions.end(),
                                  [](const catalog::Action& a) { return a.report.has_value(); });
  if (report) e["report_rules"] = report_rules();
  return e;
}

mcp::Tool describe_tool(const Environment& env) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_describe";
  tool.title = "TikTok Marketing: describe entities";
  tool.description =
      "Describe what tiktok_marketing_execute can read. With entity: every action and parameter (type, required, "
      "default, limits, description), the key record fields and example questions. Without: each entity with a "
      "one-line summary and its actions. Costs no API call.";
  tool.input_schema = catalog::embedded_json("tools/describe.input.json");
  // No enum of entity names here: the execute tool's schema has it, and tools/list stays small;
  // an unknown name gets the list in the error instead.
  tool.output_schema = catalog::embedded_json("tools/describe.output.json");
  tool.annotations = {.read_only = true, .destructive = false, .idempotent = true, .open_world = false};
  tool.handler = [&env](const json& args, mcp::ToolContext&) {
    json entities = json::array();
    if (args.contains("entity")) {
      const std::string name = args["entity"].get<std::string>();
      const catalog::Entity* entity = env.catalog->find(name);
      if (entity == nullptr) return unknown_entity(name, *env.catalog);
      entities.push_back(describe_entity(*entity, env));
    } else {
      for (const auto& e : env.catalog->entities()) {
        json actions = json::array();
        for (const auto& a : e.actions) actions.push_back(a.name);
        entities.push_back({{"entity", e.name}, {"summary", e.summary}, {"actions", std::move(actions)}});
      }
    }
    return mcp::ToolResult::structured_json({{"entities", std::move(entities)}});
  };
  return tool;
}

}  // namespace tools
