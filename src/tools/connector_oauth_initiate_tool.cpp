#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

json initiate(airbyte::Connectors& connectors, const json& args, const std::stop_token& stop) {
  const std::string user = connectors.external_user(args.value("external_user_id", ""));
  const std::string redirect = args.at("redirect_url").get<std::string>();
  json answer = connectors.initiate_oauth(redirect, user, stop);
  return json{
      {"consent_url", answer["consent_url"]},
      {"external_user_id", user},
      {"next_steps",
       {"Ask the user to open consent_url in a browser, sign in to TikTok For Business and approve access to their "
        "ad accounts.",
        "The browser then returns to " + redirect + " with a secret_id query parameter; the user (or the app behind "
        "that address) passes it on.",
        "Call tiktok_marketing_connector_create with a name and server_side_oauth_secret_id set to that secret_id "
        "(and the same external_user_id).",
        "If the callback carries error and error_description instead, the user declined or the flow failed: say "
        "so and offer to start again."}}};
}

}  // namespace

mcp::Tool connector_oauth_initiate_tool(airbyte::Connectors& connectors) {
  return connector_tool(
      connectors,
      {"tiktok_marketing_connector_oauth_initiate", "TikTok Marketing: start OAuth for a hosted connector",
       "Start Airbyte's server-side OAuth flow for TikTok Marketing: returns a consent_url for the user to open. "
       "After the user approves, the browser returns to redirect_url with a secret_id; then create the connector "
       "with tiktok_marketing_connector_create and server_side_oauth_secret_id. No token passes through the "
       "conversation this way.",
       "tools/connector_oauth_initiate.input.json", "tools/connector_oauth_initiate.output.json",
       {.read_only = false, .destructive = false, .idempotent = false, .open_world = true}},
      initiate);
}

}  // namespace tools
