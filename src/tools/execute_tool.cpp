#include "tools/execute_tool.hpp"

#include "catalog/embedded.hpp"
#include "catalog/report_rules.hpp"
#include "execution/output_bound.hpp"
#include "execution/runner.hpp"
#include "execution/unconfigured_executor.hpp"
#include "execution/upstream_error.hpp"
#include "schema/validator.hpp"
#include "tools/context_bridge.hpp"
#include "tools/result_resume.hpp"

namespace tools {

namespace {

using nlohmann::json;

json names(const std::vector<std::string>& list) { return json(list); }

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

json input_schema(const Environment& env) {
  json schema = catalog::embedded_json("tools/execute.input.json");
  schema["properties"]["entity"]["enum"] = names(env.catalog->entity_names());
  schema["properties"]["action"]["enum"] = names(env.catalog->action_names());
  if (env.hosted) {
    schema["properties"]["connector_id"] = {
        {"type", "string"},
        {"minLength", 1},
        {"maxLength", 128},
        {"pattern", "^[A-Za-z0-9_-]+$"},
        {"description", "Hosted mode: the Airbyte connector to run against (default: AIRBYTE_CONNECTOR_ID, else the "
                        "user's only TikTok Marketing connector; tiktok_marketing_connector_list shows them)."}};
  }
  return schema;
}

std::string narrowing_hint(const catalog::Action& action) {
  const std::string rest = action.is_local("cursor")
                               ? "; for the rest, call again with params {\"cursor\": meta.next_cursor}"
                               : "; continue with the next page for the rest";
  if (action.report) {
    return "ask for fewer metrics, a shorter date range or a smaller page_size, or filter with filtering" + rest;
  }
  return "pick columns with fields, ask for a smaller page_size, or filter with filtering" + rest;
}

mcp::ToolResult error_result(const std::string& text) { return mcp::ToolResult::error(text); }

mcp::ToolResult run_execute(const Environment& env, const json& args, mcp::ToolContext& context) {
  const std::string entity_name = args.at("entity").get<std::string>();
  const std::string action_name = args.at("action").get<std::string>();
  const catalog::Entity* entity = env.catalog->find(entity_name);
  const catalog::Action* action = entity ? entity->find_action(action_name) : nullptr;
  if (action != nullptr && action->is_write()) {
    return error_result(entity_name + "." + action_name +
                        " changes the account; tiktok_marketing_execute only reads. Use tiktok_marketing_change "
                        "(served when TIKTOK_MARKETING_ALLOW_WRITES=true), which previews every change first.");
  }
  if (action == nullptr) {
    std::vector<std::string> actions;
    for (const auto& a : entity->actions) {
      if (!a.is_write()) actions.push_back(a.name);
    }
    return error_result("Entity " + entity_name + " has no action \"" + action_name +
                        "\"; its actions are: " + joined(actions) + ".");
  }
  // Without credentials nothing can run: say so before any complaint about the params.
  if (env.executor->mode() == "unconfigured") return error_result(execution::UnconfiguredExecutor::help());
  auto start = read_cursor(*entity, *action, args.value("params", json::object()));
  if (!start.error.empty()) return error_result(start.error);
  auto prepared = catalog::prepare_params(*action, std::move(start.params), env.defaults);
  if (!prepared.issues.empty()) {
    return error_result("Invalid params for " + entity_name + "." + action_name + ":\n" +
                        schema::format_issues(prepared.issues) +
                        "\nFix them and call again; tiktok_marketing_describe with entity=\"" + entity_name +
                        "\" lists every parameter with its type, default and limits.");
  }
  if (action->report) {
    if (auto refusal = catalog::ReportRules::builtin().check(prepared.params)) {
      return error_result("Refused before any request, " + catalog::describe_refusal(*refusal) +
                          " tiktok_marketing_describe with entity=\"" + entity_name + "\" lists every report rule.");
    }
  }
  std::optional<execution::CursorPosition> from;
  if (start.cursor) {
    auto mismatch = params_mismatch(*action, prepared.params, *start.cursor, env.defaults);
    if (!mismatch.empty()) return error_result(mismatch);
    from = start.cursor->position;
  }
  std::optional<std::string> connector;
  if (args.contains("connector_id")) connector = args["connector_id"].get<std::string>();
  execution::Target target{*entity, *action, connector};
  try {
    json params = prepared.params;
    auto result = execution::run(*env.executor, target, std::move(prepared.params), bridge(context), {}, from);
    result.meta["mode"] = env.executor->mode();
    if (env.executor->mode() == "demo") result.meta["demo"] = true;
    auto next_cursor = cursor_after(*entity, *action, std::move(params), result);
    auto bounded = execution::bound_output(std::move(result.data), std::move(result.meta), env.output_max_chars,
                                           narrowing_hint(*action), next_cursor);
    mcp::ToolResult out = mcp::ToolResult::text(std::move(bounded.text));
    out.structured = std::move(bounded.value);
    return out;
  } catch (const execution::UpstreamError& e) {
    return error_result(e.describe());
  }
}

}  // namespace

mcp::Tool execute_tool(const Environment& env) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_execute";
  tool.title = "TikTok Marketing: read data";
  tool.description = execute_description(*env.catalog, env.hosted);
  tool.input_schema = input_schema(env);
  tool.output_schema = catalog::embedded_json("tools/execute.output.json");
  tool.annotations = {.read_only = true, .destructive = false, .idempotent = true, .open_world = true};
  tool.handler = [&env](const json& args, mcp::ToolContext& context) { return run_execute(env, args, context); };
  return tool;
}

}  // namespace tools
