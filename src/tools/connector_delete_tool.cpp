#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

json remove(airbyte::Connectors& connectors, const json& args, const std::stop_token& stop) {
  const std::string id = args.at("connector_id").get<std::string>();
  json answer = connectors.remove(id, stop);
  json out{{"deleted", id},
           {"note", answer.value("note", "Airbyte removes the connector and its synced data in the background; it "
                                         "can no longer be used.")}};
  if (answer.contains("job_id")) {
    out["job_id"] = answer["job_id"].is_string() ? answer["job_id"] : json(answer["job_id"].dump());
  }
  return out;
}

}  // namespace

mcp::Tool connector_delete_tool(airbyte::Connectors& connectors) {
  return connector_tool(connectors,
                        {"tiktok_marketing_connector_delete", "TikTok Marketing: delete hosted connector",
                         "Delete a hosted TikTok Marketing connector in Airbyte, with its synced data. This cannot be "
                         "undone: confirm the connector_id (tiktok_marketing_connector_get shows its name) with the "
                         "user first.",
                         "tools/connector_id.input.json", "tools/connector_delete.output.json",
                         {.read_only = false, .destructive = true, .idempotent = true, .open_world = true}},
                        remove);
}

}  // namespace tools
