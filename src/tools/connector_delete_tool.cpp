#include "catalog/embedded.hpp"
#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

json run(airbyte::Connectors& connectors, const json& args, mcp::ToolContext& context) {
  const std::string id = args.at("connector_id").get<std::string>();
  json answer = connectors.remove(id, context.stop_token());
  json out{{"deleted", id},
           {"note", answer.value("note", "Airbyte removes the connector and its synced data in the background; it "
                                         "can no longer be used.")}};
  if (answer.contains("job_id")) out["job_id"] = answer["job_id"].is_string() ? answer["job_id"] : json(answer["job_id"].dump());
  return out;
}

}  // namespace

mcp::Tool connector_delete_tool(airbyte::Connectors& connectors) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_connector_delete";
  tool.title = "TikTok Marketing: delete hosted connector";
  tool.description =
      "Delete a hosted TikTok Marketing connector in Airbyte, with its synced data. This cannot be undone: confirm "
      "the connector_id (tiktok_marketing_connector_get shows its name) with the user first.";
  tool.input_schema = catalog::embedded_json("tools/connector_id.input.json");
  tool.output_schema = catalog::embedded_json("tools/connector_delete.output.json");
  tool.annotations = {.read_only = false, .destructive = true, .idempotent = true, .open_world = true};
  tool.handler = [&connectors](const json& args, mcp::ToolContext& context) {
    return connector_result([&] { return run(connectors, args, context); });
  };
  return tool;
}

}  // namespace tools
