// Hosted mode end to end in process: the app built from configuration pointing at the fake
// Airbyte API, driven through an MCP session like a client, for every connector tool, both
// ways of creating a connector, and the promise that no secret ever leaves the server.

#include <catch2/catch.hpp>

#include "app/server_factory.hpp"
#include "catalog/catalog.hpp"
#include "config/load.hpp"
#include "fakes/fake_airbyte_server.hpp"
#include "support/canaries.hpp"
#include "support/log_capture.hpp"
#include "support/session_client.hpp"
#include "tiktok/demo/demo_account.hpp"

namespace {

using nlohmann::json;

constexpr const char* kClientId = "client-id-tools";
constexpr const char* kClientSecret = canary::kAirbyteClientSecret;
constexpr const char* kServerToken = canary::kTikTokAccessToken;
constexpr const char* kArgumentToken = canary::kArgumentTikTokToken;
constexpr const char* kUser = "user-tools";

// The fake starts at once; the server when start() is called, so a test can prepare the fake first.
struct HostedServer {
  HostedServer() : fake(kClientId, kClientSecret) {}

  void start(config::Environment extra = {}) {
    config::Environment env{{"AIRBYTE_CLIENT_ID", kClientId},
                            {"AIRBYTE_CLIENT_SECRET", kClientSecret},
                            {"AIRBYTE_EXTERNAL_USER_ID", kUser},
                            {"AIRBYTE_API_BASE_URL", fake.url()},
                            {"TIKTOK_MARKETING_ACCESS_TOKEN", kServerToken}};
    for (auto& [k, v] : extra) env[k] = v;
    for (auto it = env.begin(); it != env.end();) it = it->second.empty() ? env.erase(it) : std::next(it);
    app = std::make_unique<app::App>(app::build(config::load({}, env).config));
    client = std::make_unique<test::SessionClient>(*app->server);
    client->initialize();
  }

  json call(const std::string& tool, json args) {
    json response = client->call(tool, std::move(args));
    REQUIRE(response.contains("result"));
    transcript += response.dump();
    return response["result"];
  }

  fakes::FakeAirbyteServer fake;
  std::unique_ptr<app::App> app;
  std::unique_ptr<test::SessionClient> client;
  std::string transcript;  // every result, for the leak check
};

std::string text_of(const json& result) { return result["content"][0]["text"].get<std::string>(); }

json tool_named(const json& tools, const std::string& name) {
  for (const auto& t : tools) {
    if (t["name"] == name) return t;
  }
  return nullptr;
}

json campaigns(const std::string& connector_id = "") {
  json args{{"entity", "campaigns"},
            {"action", "list"},
            {"params", {{"advertiser_id", tiktok::demo::kDefaultAdvertiserId}, {"page_size", 3}}}};
  if (!connector_id.empty()) args["connector_id"] = connector_id;
  return args;
}

}  // namespace

TEST_CASE("hosted mode lists the connector tools with the right annotations") {
  HostedServer server;
  server.start();
  json tools = server.client->request("tools/list")["result"]["tools"];
  struct Row {
    const char* name;
    bool read_only;
    bool destructive;
    bool idempotent;
  };
  for (const Row& row : {Row{"tiktok_marketing_connector_list", true, false, true},
                         Row{"tiktok_marketing_connector_get", true, false, true},
                         Row{"tiktok_marketing_connector_create", false, false, false},
                         Row{"tiktok_marketing_connector_oauth_initiate", false, false, false},
                         Row{"tiktok_marketing_connector_delete", false, true, true}}) {
    INFO(row.name);
    json tool = tool_named(tools, row.name);
    REQUIRE(tool.is_object());
    CHECK(tool["annotations"]["readOnlyHint"] == row.read_only);
    CHECK(tool["annotations"]["destructiveHint"] == row.destructive);
    CHECK(tool["annotations"]["idempotentHint"] == row.idempotent);
    CHECK(tool.contains("outputSchema"));
  }
  CHECK(tool_named(tools, "tiktok_marketing_execute")["inputSchema"]["properties"].contains("connector_id"));
  CHECK_THAT(tool_named(tools, "tiktok_marketing_connector_create")["description"].get<std::string>(),
             Catch::Contains("server then uses its own configured TikTok token"));
}

TEST_CASE("without Airbyte credentials the connector tools are not listed") {
  app::App app = app::build(config::load({}, {{"TIKTOK_MARKETING_ACCESS_TOKEN", kServerToken}}).config);
  test::SessionClient client(*app.server);
  client.initialize();
  json tools = client.request("tools/list")["result"]["tools"];
  CHECK(tool_named(tools, "tiktok_marketing_connector_list").is_null());
  CHECK_FALSE(tool_named(tools, "tiktok_marketing_execute")["inputSchema"]["properties"].contains("connector_id"));
}

TEST_CASE("the whole hosted workflow through the tools, with no secret in any output or log") {
  test::LogCapture logs;
  HostedServer server;
  server.start();
  server.fake.echo_credentials(true);  // even a careless API must not make the server leak

  json check = server.call("tiktok_marketing_check", json::object());
  CHECK(check["structuredContent"]["mode"] == "hosted");
  CHECK(check["structuredContent"]["ok"] == true);
  CHECK_THAT(check["structuredContent"]["upstream"]["connector_in_use"]["what_to_do"].get<std::string>(),
             Catch::Contains("tiktok_marketing_connector_create"));

  json empty = server.call("tiktok_marketing_connector_list", json::object());
  CHECK(empty["structuredContent"]["connectors"].empty());
  json none = server.call("tiktok_marketing_execute", campaigns());
  CHECK(none["isError"] == true);
  CHECK_THAT(text_of(none), Catch::Contains("has no TikTok Marketing connector"));

  // 1. With the server's own token: no credential passes through the conversation.
  json first = server.call("tiktok_marketing_connector_create", {{"name", "Server token"}});
  REQUIRE_FALSE(first.contains("isError"));
  const std::string first_id = first["structuredContent"]["connector_id"];
  CHECK(first["structuredContent"]["credential_source"] == "server TIKTOK_MARKETING_ACCESS_TOKEN");
  CHECK(server.fake.connector(first_id)["access_token"] == kServerToken);

  json one = server.call("tiktok_marketing_execute", campaigns());
  REQUIRE_FALSE(one.contains("isError"));
  CHECK(one["structuredContent"]["data"].size() == 3);
  CHECK(one["structuredContent"]["meta"]["mode"] == "hosted");
  CHECK(one["structuredContent"]["meta"]["connector_id"] == first_id);
  CHECK(one["structuredContent"]["meta"]["next_page"] == 2);

  // 2. Through OAuth: consent URL, callback secret_id, create.
  json started = server.call("tiktok_marketing_connector_oauth_initiate", {{"redirect_url", "https://app.example/cb"}});
  const std::string consent = started["structuredContent"]["consent_url"];
  CHECK_THAT(started["structuredContent"]["next_steps"].dump(), Catch::Contains("server_side_oauth_secret_id"));
  const std::string secret_id = server.fake.approve_consent(consent);
  json second = server.call("tiktok_marketing_connector_create",
                            {{"name", "OAuth"}, {"server_side_oauth_secret_id", secret_id},
                             {"replication_config", {{"start_date", "2025-01-01"}}}});
  REQUIRE_FALSE(second.contains("isError"));
  const std::string second_id = second["structuredContent"]["connector_id"];
  CHECK(second["structuredContent"]["credential_source"] == "OAuth secret_id");

  // 3. With a token given as an argument: accepted, never echoed.
  json third = server.call("tiktok_marketing_connector_create",
                           {{"name", "Argument token"}, {"credentials", {{"access_token", kArgumentToken}}}});
  REQUIRE_FALSE(third.contains("isError"));
  const std::string third_id = third["structuredContent"]["connector_id"];

  json several = server.call("tiktok_marketing_connector_list", json::object());
  CHECK(several["structuredContent"]["connectors"].size() == 3);
  json ambiguous = server.call("tiktok_marketing_execute", campaigns());
  CHECK(ambiguous["isError"] == true);
  CHECK_THAT(text_of(ambiguous), Catch::Contains(first_id));
  CHECK_THAT(text_of(ambiguous), Catch::Contains(third_id));
  CHECK_THAT(text_of(ambiguous), Catch::Contains("pass connector_id"));
  json chosen = server.call("tiktok_marketing_execute", campaigns(second_id));
  CHECK(chosen["structuredContent"]["meta"]["connector_id"] == second_id);

  json got = server.call("tiktok_marketing_connector_get", {{"connector_id", third_id}});
  CHECK(got["structuredContent"]["connector"]["name"] == "Argument token");
  CHECK(got.dump().find(kArgumentToken) == std::string::npos);  // the fake echoed it; the server dropped it

  json query{{"filter", {{"eq", {{"objective_type", "TRAFFIC"}}}}}};
  json search = server.call("tiktok_marketing_execute", {{"entity", "campaigns"},
                                                         {"action", "context_store_search"},
                                                         {"connector_id", first_id},
                                                         {"params", {{"query", query}, {"limit", 2}}}});
  REQUIRE_FALSE(search.contains("isError"));
  CHECK(search["structuredContent"]["data"].size() == 2);
  CHECK(search["structuredContent"]["meta"]["has_more"] == true);
  CHECK(search["structuredContent"]["meta"]["cursor"].is_string());

  server.fake.fail_executions(third_id, "TikTok rejected the access token (40105)");
  json failed = server.call("tiktok_marketing_execute", campaigns(third_id));
  CHECK(failed["isError"] == true);
  CHECK_THAT(text_of(failed), Catch::Contains("40105"));

  json deleted = server.call("tiktok_marketing_connector_delete", {{"connector_id", third_id}});
  CHECK(deleted["structuredContent"]["deleted"] == third_id);
  CHECK(deleted["structuredContent"]["job_id"] == "job-delete-" + third_id);
  json gone = server.call("tiktok_marketing_connector_get", {{"connector_id", third_id}});
  CHECK(gone["isError"] == true);
  CHECK_THAT(text_of(gone), Catch::Contains("not found"));

  std::vector<std::string> secrets{kClientSecret, kServerToken, kArgumentToken,
                                   canary::kOAuthTikTokTokenPrefix + secret_id};
  for (const auto& token : server.fake.issued_tokens()) secrets.push_back(token);
  const std::string log_text = logs.text();
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    INFO("secret " << i);  // never the value: the output is checked for canaries too
    CHECK(server.transcript.find(secrets[i]) == std::string::npos);
    CHECK(log_text.find(secrets[i]) == std::string::npos);
  }
  CHECK_FALSE(canary::appears_in(server.transcript));
  CHECK_FALSE(canary::appears_in(log_text));
  CHECK(server.transcript.find("[REDACTED]") == std::string::npos);  // nothing even tried to leave
  CHECK(log_text.find("[REDACTED]") == std::string::npos);
  CHECK_THAT(log_text, Catch::Contains("hosted mode"));
  CHECK(log_text.find("error [mcp]") == std::string::npos);  // no result broke its tool's outputSchema
}

TEST_CASE("create refuses two credential sources and reports Airbyte's field errors") {
  HostedServer server;
  server.start();
  json both = server.call("tiktok_marketing_connector_create",
                          {{"name", "x"}, {"credentials", {{"access_token", kArgumentToken}}},
                           {"server_side_oauth_secret_id", "secret-1"}});
  CHECK(both["isError"] == true);
  CHECK_THAT(text_of(both), Catch::Contains("Parameter: credentials"));
  CHECK(server.fake.count("POST", "/api/v1/integrations/connectors") == 0);

  json bad_date = server.call("tiktok_marketing_connector_create",
                              {{"name", "x"}, {"replication_config", {{"start_date", "2024-13-01"}}}});
  CHECK(bad_date["isError"] == true);
  CHECK_THAT(text_of(bad_date), Catch::Contains("start_date"));

  server.fake.queue(fakes::AirbyteFault::field_error(422, "name", "already used by another connector"),
                    "/api/v1/integrations/connectors");
  json rejected = server.call("tiktok_marketing_connector_create", {{"name", "dup"}});
  CHECK(rejected["isError"] == true);
  CHECK_THAT(text_of(rejected), Catch::Contains("name: already used by another connector"));
  CHECK_THAT(text_of(rejected), Catch::Contains("Parameter: name"));
}

TEST_CASE("without a server token or an OAuth secret, create explains both ways") {
  HostedServer server;
  server.start({{"TIKTOK_MARKETING_ACCESS_TOKEN", ""}});
  json result = server.call("tiktok_marketing_connector_create", {{"name", "x"}});
  CHECK(result["isError"] == true);
  CHECK_THAT(text_of(result), Catch::Contains("tiktok_marketing_connector_oauth_initiate"));
  CHECK_THAT(text_of(result), Catch::Contains("credentials.access_token"));
}

TEST_CASE("list and create need an external user when none is configured") {
  HostedServer server;
  server.start({{"AIRBYTE_EXTERNAL_USER_ID", ""}});
  json missing = server.call("tiktok_marketing_connector_list", json::object());
  CHECK(missing["isError"] == true);
  CHECK_THAT(text_of(missing), Catch::Contains("AIRBYTE_EXTERNAL_USER_ID"));
  json given = server.call("tiktok_marketing_connector_list", {{"external_user_id", "someone"}});
  CHECK(given["structuredContent"]["external_user_id"] == "someone");
}

TEST_CASE("AIRBYTE_CONNECTOR_ID picks the connector without a listing") {
  HostedServer server;
  const std::string id = server.fake.add_connector(kUser, "Configured");
  server.fake.add_connector(kUser, "Other");
  server.start({{"AIRBYTE_CONNECTOR_ID", id}});
  json result = server.call("tiktok_marketing_execute", campaigns());
  REQUIRE_FALSE(result.contains("isError"));
  CHECK(result["structuredContent"]["meta"]["connector_id"] == id);
}

namespace {

json last_execute_body(const fakes::FakeAirbyteServer& fake) {
  json body;
  for (const auto& r : fake.requests()) {
    if (r.path.size() > 8 && r.path.substr(r.path.size() - 8) == "/execute") body = json::parse(r.body);
  }
  return body;
}

}  // namespace

TEST_CASE("hosted execute passes context_store_sql_query and the shaping fields through") {
  HostedServer server;
  server.fake.add_connector(kUser, "Only");
  server.start();

  json sql = server.call("tiktok_marketing_execute",
                         {{"entity", "ads"},
                          {"action", "context_store_sql_query"},
                          {"params", {{"sql", "SELECT ad_id, ad_name FROM ads LIMIT 2"}, {"limit", 2}}}});
  REQUIRE_FALSE(sql.contains("isError"));
  CHECK(sql["structuredContent"]["data"].size() == 2);
  json body = last_execute_body(server.fake);
  CHECK(body["action"] == "context_store_sql_query");
  CHECK(body["params"] == json{{"sql", "SELECT ad_id, ad_name FROM ads LIMIT 2"}, {"limit", 2}});

  json args = campaigns();
  args["params"]["select_fields"] = {"campaign_id", "budget"};
  args["params"]["exclude_fields"] = {"budget"};
  args["params"]["skip_truncation"] = true;
  json listed = server.call("tiktok_marketing_execute", args);
  REQUIRE_FALSE(listed.contains("isError"));
  body = last_execute_body(server.fake);
  CHECK(body["select_fields"] == json{"campaign_id", "budget"});
  CHECK(body["exclude_fields"] == json{"budget"});
  CHECK(body["skip_truncation"] == true);
  CHECK_FALSE(body["params"].contains("select_fields"));
  CHECK_FALSE(body["params"].contains("skip_truncation"));
  // Select wins over exclude, and is applied to what comes back as well.
  for (const auto& record : listed["structuredContent"]["data"]) {
    CHECK(record.size() == 2);
    CHECK(record.contains("campaign_id"));
    CHECK(record.contains("budget"));
  }

  // catalogs has list only in Airbyte's connector: no SQL there (the entity arrives with issue 12's catalogue).
  const auto* catalogs = catalog::Catalog::builtin().find("catalogs");
  if (catalogs != nullptr) CHECK(catalogs->find_action("context_store_sql_query") == nullptr);
}
