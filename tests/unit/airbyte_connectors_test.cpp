#include <catch2/catch.hpp>

#include <stdexcept>

#include "airbyte/connectors.hpp"
#include "execution/upstream_error.hpp"
#include "log/redactor.hpp"
#include "support/canaries.hpp"
#include "support/recording_sleeper.hpp"
#include "support/scripted_transport.hpp"

namespace {

using airbyte::Connectors;
using airbyte::CreateRequest;
using execution::ErrorCategory;
using execution::UpstreamError;
using nlohmann::json;

const std::string kAppToken = std::string(canary::kAirbyteAccessTokenPrefix) + "unit";

struct Rig {
  explicit Rig(std::string fallback_token = "", std::string user = "user-1")
      : tokens([](const std::stop_token&) { return airbyte::AccessToken{kAppToken, std::chrono::seconds(900)}; }),
        api(transport, tokens, airbyte::ApiOptions{"https://api.example", "", {}}, sleeper.fn()),
        connectors(api, {std::move(user), std::move(fallback_token)}) {}

  json sent_body(std::size_t i = 0) const { return json::parse(transport.sent().at(i).body); }

  test::ScriptedTransport transport;
  test::RecordingSleeper sleeper;
  airbyte::TokenCache tokens;
  airbyte::ApiClient api;
  Connectors connectors;
};

UpstreamError refusal(Rig& rig, const CreateRequest& request) {
  try {
    rig.connectors.create(request, {});
  } catch (const UpstreamError& e) {
    return e;
  }
  FAIL("expected a refusal");
  throw std::logic_error("unreachable");
}

CreateRequest named(std::string name = "TikTok Ads") {
  CreateRequest r;
  r.name = std::move(name);
  return r;
}

}  // namespace

TEST_CASE("create sends the TikTok connector type, the user and the default start date") {
  Rig rig;
  rig.transport.push_status(200, R"({"id":"c-1","name":"TikTok Ads"})");
  CreateRequest r = named();
  r.access_token = canary::kArgumentTikTokToken;
  auto created = rig.connectors.create(r, {});
  json body = rig.sent_body();
  CHECK(body["connector_type"] == "Tiktok-Marketing");
  CHECK(body["external_user_id"] == "user-1");
  CHECK(body["replication_config"]["start_date"] == "2016-09-01");
  CHECK(body["credentials"]["access_token"] == canary::kArgumentTikTokToken);
  CHECK_FALSE(body.contains("server_side_oauth_secret_id"));
  CHECK(created.credential_source == "access_token argument");
  CHECK(rig.connectors.changes() == 1);
  CHECK(logging::contains_secret(canary::kArgumentTikTokToken));  // registered for redaction
}

TEST_CASE("with neither credential the server's own TikTok token is used") {
  Rig rig(canary::kTikTokAccessToken);
  rig.transport.push_status(200, R"({"id":"c-2"})");
  auto created = rig.connectors.create(named(), {});
  CHECK(rig.sent_body()["credentials"]["access_token"] == canary::kTikTokAccessToken);
  CHECK(created.credential_source == "server TIKTOK_MARKETING_ACCESS_TOKEN");
}

TEST_CASE("an OAuth secret id is sent instead of credentials") {
  Rig rig(canary::kTikTokAccessToken);
  rig.transport.push_status(200, R"({"id":"c-3"})");
  CreateRequest r = named();
  r.oauth_secret_id = "secret-abc";
  r.start_date = "2024-02-29";
  r.external_user_id = "user-2";
  auto created = rig.connectors.create(r, {});
  json body = rig.sent_body();
  CHECK(body["server_side_oauth_secret_id"] == "secret-abc");
  CHECK_FALSE(body.contains("credentials"));
  CHECK(body["external_user_id"] == "user-2");
  CHECK(body["replication_config"]["start_date"] == "2024-02-29");
  CHECK(created.credential_source == "OAuth secret_id");
}

TEST_CASE("create refuses bad arguments before anything is sent") {
  Rig rig;
  SECTION("both credential sources") {
    CreateRequest r = named();
    r.access_token = canary::kArgumentTikTokToken;
    r.oauth_secret_id = "secret-1";
    auto e = refusal(rig, r);
    CHECK(e.category() == ErrorCategory::InvalidParams);
    CHECK(e.details().field == "credentials");
  }
  SECTION("no credential and none on the server") {
    auto e = refusal(rig, named());
    CHECK(e.details().field == "credentials");
    CHECK_THAT(e.describe(), Catch::Contains("tiktok_marketing_connector_oauth_initiate"));
  }
  SECTION("an impossible start date") {
    CreateRequest r = named();
    r.access_token = canary::kArgumentTikTokToken;
    r.start_date = "2023-02-29";
    auto e = refusal(rig, r);
    CHECK(e.details().field == "replication_config.start_date");
  }
  SECTION("a blank name") {
    CreateRequest r = named("  ");
    r.access_token = canary::kArgumentTikTokToken;
    CHECK(refusal(rig, r).details().field == "name");
  }
  CHECK(rig.transport.sent().empty());
}

TEST_CASE("an external user is required, from the argument or the configuration") {
  Rig rig("", "");
  CHECK(rig.connectors.external_user("given") == "given");
  try {
    rig.connectors.external_user("");
    FAIL("expected a refusal");
  } catch (const UpstreamError& e) {
    CHECK(e.category() == ErrorCategory::NotConfigured);
    CHECK_THAT(e.describe(), Catch::Contains("AIRBYTE_EXTERNAL_USER_ID"));
  }
}

TEST_CASE("answers are passed on without credentials") {
  json answer{{"id", "c"},
              {"name", "n"},
              {"credentials", {{"access_token", canary::kArgumentTikTokToken}}},
              {"source_template",
               {{"name", "TikTok Marketing"},
                {"configuration",
                 {{"access_token", canary::kTikTokAccessToken},
                  {"client_secret", canary::kAirbyteClientSecret},
                  {"kept", 1}}}}},
              {"list", {{{"refresh_token", kAppToken}, {"ok", true}}}}};
  json clean = airbyte::without_credentials(answer);
  CHECK_FALSE(canary::appears_in(clean.dump()));
  CHECK_FALSE(clean.contains("credentials"));
  CHECK(clean["source_template"]["configuration"] == json{{"kept", 1}});
  CHECK(clean["list"][0] == json{{"ok", true}});
  CHECK(clean["name"] == "n");
}

TEST_CASE("TikTok Marketing connectors are recognised by type or template name") {
  CHECK(airbyte::is_tiktok_marketing(json{{"connector_type", "Tiktok-Marketing"}}));
  CHECK(airbyte::is_tiktok_marketing(json{{"summarized_source_template", {{"name", "TikTok Marketing"}}}}));
  CHECK(airbyte::is_tiktok_marketing(json{{"source_template", {{"name", "tiktok_marketing"}}}}));
  CHECK_FALSE(airbyte::is_tiktok_marketing(json{{"summarized_source_template", {{"name", "Facebook Marketing"}}}}));
  CHECK_FALSE(airbyte::is_tiktok_marketing(json{{"name", "TikTok Marketing"}}));  // a user's name says nothing
}

TEST_CASE("list, get and delete address the connector by path and the user by query") {
  Rig rig;
  rig.transport.push_status(200, R"({"data":[{"id":"a"}]})");
  rig.transport.push_status(200, R"({"id":"a b"})");
  rig.transport.push_status(202, R"({"job_id":"j"})");
  CHECK(rig.connectors.list("", {}).size() == 1);
  rig.connectors.get("a b", {});
  CHECK(rig.connectors.remove("a b", {})["job_id"] == "j");
  auto sent = rig.transport.sent();
  CHECK(sent[0].query == std::vector<std::pair<std::string, std::string>>{{"external_user_id", "user-1"}});
  CHECK(sent[1].path == "/api/v1/integrations/connectors/a%20b");
  CHECK(sent[2].method == "DELETE");
  CHECK(sent[2].headers.at("Authorization") == "Bearer " + kAppToken);
  CHECK(rig.connectors.changes() == 1);
}

TEST_CASE("a create whose connection could not be opened is sent again; one that broke after sending is not") {
  Rig rig;
  CreateRequest r = named();
  r.access_token = canary::kArgumentTikTokToken;
  rig.transport.push_failure(net::Failure::ConnectFailed);
  rig.transport.push_status(200, R"({"id":"c-9"})");
  CHECK(rig.connectors.create(r, {}).connector["id"] == "c-9");
  CHECK(rig.transport.sent().size() == 2);
  rig.transport.push_failure(net::Failure::Timeout);
  try {
    rig.connectors.create(r, {});
    FAIL("expected an error");
  } catch (const UpstreamError& e) {
    CHECK(e.category() == ErrorCategory::Timeout);
    CHECK_THAT(e.describe(), Catch::Contains("tiktok_marketing_connector_list before trying again"));
  }
  CHECK(rig.transport.sent().size() == 3);
}

TEST_CASE("a repeated delete that finds the connector gone counts as deleted") {
  Rig rig;
  rig.transport.push_failure(net::Failure::ConnectionLost);
  rig.transport.push_status(404, R"({"message":"Connector not found"})");
  CHECK_THAT(rig.connectors.remove("c-1", {})["note"].get<std::string>(), Catch::Contains("already gone"));
  rig.transport.push_status(404, R"({"message":"Connector not found"})");
  CHECK_THROWS_AS(rig.connectors.remove("c-1", {}), UpstreamError);
}
