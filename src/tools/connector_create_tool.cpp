#include "tools/connector_tools.hpp"

namespace tools {

namespace {

using nlohmann::json;

std::string description(bool server_has_token) {
  std::string d =
      "Create a hosted TikTok Marketing connector in Airbyte for an end user, so tiktok_marketing_execute can read "
      "their TikTok ad accounts through it. Give a name and one credential source: server_side_oauth_secret_id "
      "(the secret_id the OAuth callback received after tiktok_marketing_connector_oauth_initiate), or "
      "credentials.access_token";
  d += server_has_token
           ? ", or neither: the server then uses its own configured TikTok token, so no token passes through the "
             "conversation (preferred)."
           : ". Prefer the OAuth flow: it keeps the token out of the conversation.";
  d += " replication_config.start_date (YYYY-MM-DD, default 2016-09-01) bounds the data Airbyte copies for "
       "context_store_search. Each call creates a new connector: check tiktok_marketing_connector_list first. The "
       "token is never echoed back.";
  return d;
}

airbyte::CreateRequest to_request(const json& args) {
  airbyte::CreateRequest r;
  r.name = args.at("name").get<std::string>();
  r.external_user_id = args.value("external_user_id", "");
  if (args.contains("credentials")) r.access_token = args["credentials"].at("access_token").get<std::string>();
  if (args.contains("server_side_oauth_secret_id")) {
    r.oauth_secret_id = args["server_side_oauth_secret_id"].get<std::string>();
  }
  if (args.contains("replication_config")) r.start_date = args["replication_config"].value("start_date", "");
  return r;
}

json create(airbyte::Connectors& connectors, const json& args, const std::stop_token& stop) {
  airbyte::Created created = connectors.create(to_request(args), stop);
  const std::string id = created.connector.value("id", "");
  return json{{"connector_id", id},
              {"connector", std::move(created.connector)},
              {"credential_source", created.credential_source},
              {"next_step", "Read data with tiktok_marketing_execute (pass connector_id \"" + id +
                                "\" if the user has several connectors). Airbyte checks the TikTok credential on the "
                                "first call, so an invalid token shows up there."}};
}

}  // namespace

mcp::Tool connector_create_tool(airbyte::Connectors& connectors) {
  return connector_tool(connectors,
                        {"tiktok_marketing_connector_create", "TikTok Marketing: create hosted connector",
                         description(connectors.has_fallback_token()), "tools/connector_create.input.json",
                         "tools/connector_create.output.json",
                         {.read_only = false, .destructive = false, .idempotent = false, .open_world = true}},
                        create);
}

}  // namespace tools
