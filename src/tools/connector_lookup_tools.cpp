// tiktok_marketing_connector_list and tiktok_marketing_connector_get: read-only lookups.

#include "catalog/embedded.hpp"
#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

json summary(const json& connector) {
  json out = json::object();
  for (const char* key : {"id", "name", "created_at", "updated_at"}) {
    if (connector.contains(key)) out[key] = connector[key];
  }
  return out;
}

json list(const airbyte::Connectors& connectors, const json& args, mcp::ToolContext& context) {
  const std::string user = connectors.external_user(args.value("external_user_id", ""));
  json tiktok = json::array();
  int others = 0;
  for (const auto& c : connectors.list(user, context.stop_token())) {
    if (airbyte::is_tiktok_marketing(c)) {
      tiktok.push_back(summary(c));
    } else {
      ++others;
    }
  }
  return json{{"external_user_id", user}, {"connectors", std::move(tiktok)}, {"other_connectors", others}};
}

constexpr mcp::ToolAnnotations kReadOnly{.read_only = true, .destructive = false, .idempotent = true, .open_world = true};

}  // namespace

mcp::Tool connector_list_tool(airbyte::Connectors& connectors) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_connector_list";
  tool.title = "TikTok Marketing: list hosted connectors";
  tool.description =
      "List an end user's hosted TikTok Marketing connectors in Airbyte (id, name, dates). Use it to find the "
      "connector_id for tiktok_marketing_execute when there are several, and before creating one.";
  tool.input_schema = catalog::embedded_json("tools/connector_list.input.json");
  tool.output_schema = catalog::embedded_json("tools/connector_list.output.json");
  tool.annotations = kReadOnly;
  tool.handler = [&connectors](const json& args, mcp::ToolContext& context) {
    return connector_result([&] { return list(connectors, args, context); });
  };
  return tool;
}

mcp::Tool connector_get_tool(airbyte::Connectors& connectors) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_connector_get";
  tool.title = "TikTok Marketing: get hosted connector";
  tool.description =
      "Show one hosted connector as Airbyte records it: name, source template, entities and dates (credentials "
      "are never shown).";
  tool.input_schema = catalog::embedded_json("tools/connector_id.input.json");
  tool.output_schema = catalog::embedded_json("tools/connector_get.output.json");
  tool.annotations = kReadOnly;
  tool.handler = [&connectors](const json& args, mcp::ToolContext& context) {
    return connector_result([&] {
      return json{{"connector", connectors.get(args.at("connector_id").get<std::string>(), context.stop_token())}};
    });
  };
  return tool;
}

}  // namespace tools
