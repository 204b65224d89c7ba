// tiktok_marketing_connector_list and tiktok_marketing_connector_get: read-only lookups.

#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

constexpr mcp::ToolAnnotations kReadOnly{.read_only = true, .destructive = false, .idempotent = true, .open_world = true};

json summary(const json& connector) {
  json out = json::object();
  for (const char* key : {"id", "name", "created_at", "updated_at"}) {
    if (connector.contains(key)) out[key] = connector[key];
  }
  return out;
}

json list(airbyte::Connectors& connectors, const json& args, const std::stop_token& stop) {
  const std::string user = connectors.external_user(args.value("external_user_id", ""));
  json tiktok = json::array();
  int others = 0;
  for (const auto& c : connectors.list(user, stop)) {
    if (airbyte::is_tiktok_marketing(c)) {
      tiktok.push_back(summary(c));
    } else {
      ++others;
    }
  }
  return json{{"external_user_id", user}, {"connectors", std::move(tiktok)}, {"other_connectors", others}};
}

json get(airbyte::Connectors& connectors, const json& args, const std::stop_token& stop) {
  return json{{"connector", connectors.get(args.at("connector_id").get<std::string>(), stop)}};
}

}  // namespace

mcp::Tool connector_list_tool(airbyte::Connectors& connectors) {
  return connector_tool(connectors,
                        {"tiktok_marketing_connector_list", "TikTok Marketing: list hosted connectors",
                         "List an end user's hosted TikTok Marketing connectors in Airbyte (id, name, dates). Use it "
                         "to find the connector_id for tiktok_marketing_execute when there are several, and before "
                         "creating one.",
                         "tools/connector_list.input.json", "tools/connector_list.output.json", kReadOnly},
                        list);
}

mcp::Tool connector_get_tool(airbyte::Connectors& connectors) {
  return connector_tool(connectors,
                        {"tiktok_marketing_connector_get", "TikTok Marketing: get hosted connector",
                         "Show one hosted connector as Airbyte records it: name, source template, entities and dates "
                         "(credentials are never shown).",
                         "tools/connector_id.input.json", "tools/connector_get.output.json", kReadOnly},
                        get);
}

}  // namespace tools
