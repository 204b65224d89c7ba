// The Airbyte client stack (token cache, API client, connectors, resolver, hosted executor)
// against the fake Airbyte API over real HTTP on loopback.

#include <catch2/catch.hpp>

#include "execution/upstream_error.hpp"
#include "integration/hosted_rig.hpp"
#include "support/canaries.hpp"

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;
using fakes::AirbyteFault;
using nlohmann::json;
using test::HostedRig;
using namespace std::chrono_literals;

constexpr const char* kConnectors = "/api/v1/integrations/connectors";
constexpr const char* kTokenPath = "/api/v1/account/applications/token";

template <typename Call>
UpstreamError error_of(Call call) {
  try {
    call();
  } catch (const UpstreamError& e) {
    return e;
  }
  FAIL("expected an UpstreamError");
  throw std::logic_error("unreachable");
}

test::HostedOptions options_with(std::string test::HostedOptions::*field, std::string value) {
  test::HostedOptions o;
  o.*field = std::move(value);
  return o;
}

airbyte::CreateRequest with_token(std::string name = "TikTok Ads") {
  airbyte::CreateRequest r;
  r.name = std::move(name);
  r.access_token = canary::kArgumentTikTokToken;
  return r;
}

}  // namespace

TEST_CASE("the application token is exchanged once, sent as Bearer, and refreshed before it expires") {
  HostedRig rig;
  rig.hosted.connectors.list("", {});
  rig.hosted.connectors.list("", {});
  CHECK(rig.fake.tokens_issued() == 1);
  auto requests = rig.fake.requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].path == kTokenPath);
  CHECK(json::parse(requests[0].body) == json{{"client_id", test::kClientId}, {"client_secret", test::kClientSecret}});
  CHECK(requests[1].headers.at("Authorization") == "Bearer " + rig.fake.issued_tokens().at(0));
  CHECK(requests[1].query.at("external_user_id") == test::kUser);
  CHECK(requests[1].headers.count("X-Organization-Id") == 0);

  rig.clock.advance(839s);
  rig.hosted.connectors.list("", {});
  CHECK(rig.fake.tokens_issued() == 1);
  rig.clock.advance(2s);  // within a minute of the 900 s expiry
  rig.hosted.connectors.list("", {});
  CHECK(rig.fake.tokens_issued() == 2);
  CHECK(rig.fake.requests().back().headers.at("Authorization") == "Bearer " + rig.fake.issued_tokens().at(1));
}

TEST_CASE("a short-lived token follows the announced expires_in") {
  HostedRig rig;
  rig.fake.set_token_lifetime(8);
  rig.hosted.connectors.list("", {});
  rig.clock.advance(5s);
  rig.hosted.connectors.list("", {});
  CHECK(rig.fake.tokens_issued() == 1);
  rig.clock.advance(1s);  // 8 s lifetime, refreshed 2 s early
  rig.hosted.connectors.list("", {});
  CHECK(rig.fake.tokens_issued() == 2);
}

TEST_CASE("a token the API rejects with 401 is refreshed once and the call repeated") {
  HostedRig rig;
  rig.hosted.connectors.list("", {});
  rig.fake.expire_tokens();
  CHECK(rig.hosted.connectors.list("", {}).is_array());
  CHECK(rig.fake.tokens_issued() == 2);
  CHECK(rig.fake.count("GET", kConnectors) == 3);  // ok, 401, repeated
}

TEST_CASE("a 401 that persists after the refresh is an auth error, not a loop") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::http(401), kConnectors, 2);
  auto e = error_of([&] { rig.hosted.connectors.list("", {}); });
  CHECK(e.category() == ErrorCategory::Auth);
  CHECK(rig.fake.count("GET", kConnectors) == 2);
  CHECK(rig.fake.tokens_issued() == 2);
}

TEST_CASE("wrong application credentials are reported without the secret") {
  HostedRig rig(options_with(&test::HostedOptions::client_secret, canary::kWrongAirbyteClientSecret));
  auto e = error_of([&] { rig.hosted.connectors.list("", {}); });
  CHECK(e.category() == ErrorCategory::Auth);
  CHECK_THAT(e.describe(), Catch::Contains("AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET"));
  CHECK_FALSE(canary::appears_in(e.describe()));
  CHECK(rig.fake.count("POST", kTokenPath) == 1);  // a 401 from the token endpoint is final
}

TEST_CASE("X-Organization-Id is sent when an organization is configured") {
  SECTION("configured") {
    HostedRig rig(options_with(&test::HostedOptions::organization_id, "org-42"));
    rig.fake.require_organization("org-42");
    rig.hosted.connectors.list("", {});
    CHECK(rig.fake.requests().back().headers.at("X-Organization-Id") == "org-42");
  }
  SECTION("missing where the application needs it") {
    HostedRig rig;
    rig.fake.require_organization("org-42");
    auto e = error_of([&] { rig.hosted.connectors.list("", {}); });
    CHECK(e.category() == ErrorCategory::Permission);
    CHECK_THAT(e.describe(), Catch::Contains("AIRBYTE_ORGANIZATION_ID"));
  }
}

TEST_CASE("a 422 with field errors names the field") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::field_error(422, "name", "must be at most 64 characters"), kConnectors);
  auto e = error_of([&] { rig.hosted.connectors.create(with_token(), {}); });
  CHECK(e.category() == ErrorCategory::InvalidParams);
  CHECK(e.details().field == "name");
  CHECK(e.details().http_status == 422);
  CHECK_THAT(e.describe(), Catch::Contains("name: must be at most 64 characters"));
  CHECK_THAT(e.describe(), Catch::Contains("Parameter: name"));
}

TEST_CASE("a 429 is retried after Retry-After, a create included") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::rate_limited(3), kConnectors);
  auto created = rig.hosted.connectors.create(with_token(), {});
  CHECK(rig.fake.count("POST", kConnectors) == 2);
  CHECK(rig.fake.connector_count() == 1);
  CHECK(rig.sleeper.waits() == std::vector<std::chrono::milliseconds>{3000ms});
  CHECK(created.connector["id"].is_string());
}

TEST_CASE("a burst of 5xx answers is retried for reads") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::http(503), kConnectors, 2);
  CHECK(rig.hosted.connectors.list("", {}).is_array());
  CHECK(rig.fake.count("GET", kConnectors) == 3);
  CHECK(rig.sleeper.waits().size() == 2);
}

TEST_CASE("reads give up after the attempt limit") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::http(502), kConnectors, 6);
  auto e = error_of([&] { rig.hosted.connectors.list("", {}); });
  CHECK(e.category() == ErrorCategory::Transient);
  CHECK(e.details().attempts == 4);
  CHECK(rig.fake.count("GET", kConnectors) == 4);
}

TEST_CASE("a create that may have reached Airbyte is never repeated") {
  HostedRig rig;
  SECTION("5xx") { rig.fake.queue(AirbyteFault::http(500), kConnectors); }
  SECTION("connection dropped mid-answer") { rig.fake.queue(AirbyteFault::dropped(), kConnectors); }
  auto e = error_of([&] { rig.hosted.connectors.create(with_token(), {}); });
  CHECK(rig.fake.count("POST", kConnectors) == 1);
  CHECK(rig.sleeper.waits().empty());
  CHECK_THAT(e.describe(), Catch::Contains("may have taken effect"));
}

TEST_CASE("a read whose connection dropped is retried") {
  HostedRig rig;
  rig.fake.queue(AirbyteFault::dropped(), kConnectors);
  CHECK(rig.hosted.connectors.list("", {}).is_array());
  CHECK(rig.fake.count("GET", kConnectors) == 2);
}

TEST_CASE("the connector is the argument, else AIRBYTE_CONNECTOR_ID, else the user's only TikTok one") {
  SECTION("zero") {
    HostedRig rig;
    rig.fake.add_connector(test::kUser, "Slack", "Slack");
    auto e = error_of([&] { rig.hosted.resolver.resolve(std::nullopt, {}); });
    CHECK(e.category() == ErrorCategory::NotFound);
    CHECK_THAT(e.describe(), Catch::Contains("has no TikTok Marketing connector"));
    CHECK_THAT(e.describe(), Catch::Contains("(Slack, Slack)"));
    CHECK_THAT(e.describe(), Catch::Contains("tiktok_marketing_connector_create"));
  }
  SECTION("one, among other types and other users") {
    HostedRig rig;
    rig.fake.add_connector(test::kUser, "Slack", "Slack");
    rig.fake.add_connector("someone-else", "Theirs");
    const std::string mine = rig.fake.add_connector(test::kUser, "Mine");
    auto choice = rig.hosted.resolver.resolve(std::nullopt, {});
    CHECK(choice.id == mine);
    CHECK_THAT(choice.source, Catch::Contains("only TikTok Marketing connector of user-hosted"));
    rig.hosted.resolver.resolve(std::nullopt, {});
    CHECK(rig.fake.count("GET", kConnectors) == 1);  // remembered
    CHECK(rig.hosted.resolver.resolve(std::string("explicit"), {}).id == "explicit");
  }
  SECTION("several") {
    HostedRig rig;
    const std::string a = rig.fake.add_connector(test::kUser, "Brand A");
    const std::string b = rig.fake.add_connector(test::kUser, "Brand B");
    auto e = error_of([&] { rig.hosted.resolver.resolve(std::nullopt, {}); });
    CHECK(e.category() == ErrorCategory::InvalidParams);
    CHECK(e.details().field == "connector_id");
    CHECK_THAT(e.describe(), Catch::Contains(a + " (Brand A, TikTok Marketing)"));
    CHECK_THAT(e.describe(), Catch::Contains(b + " (Brand B, TikTok Marketing)"));
    CHECK_THAT(e.describe(), Catch::Contains("AIRBYTE_CONNECTOR_ID"));
    CHECK(rig.hosted.resolver.resolve(a, {}).id == a);
  }
  SECTION("configured") {
    HostedRig rig(options_with(&test::HostedOptions::connector_id, "configured-id"));
    CHECK(rig.hosted.resolver.resolve(std::nullopt, {}).id == "configured-id");
    CHECK(rig.hosted.resolver.resolve(std::string("arg-id"), {}).id == "arg-id");
    CHECK(rig.fake.count("GET", kConnectors) == 0);
  }
}

TEST_CASE("a connector created or deleted here is noticed by the resolver") {
  HostedRig rig;
  rig.fake.add_connector(test::kUser, "First");
  rig.hosted.resolver.resolve(std::nullopt, {});
  rig.hosted.connectors.create(with_token("Second"), {});
  CHECK(error_of([&] { rig.hosted.resolver.resolve(std::nullopt, {}); }).details().field == "connector_id");
}

TEST_CASE("execute runs the action on the connector and returns records and page_info") {
  HostedRig rig;
  const std::string id = rig.fake.add_connector(test::kUser, "Mine");
  auto page = rig.fetch("campaigns", "list", test::campaign_params());
  CHECK(page.records.size() == 2);
  CHECK(page.records[0].contains("campaign_id"));
  CHECK(page.page_info["page_size"] == 2);
  CHECK(page.page_info["total_page"].get<int>() >= 2);
  CHECK(page.extra_meta["connector_id"] == id);
  auto sent = json::parse(rig.fake.requests().back().body);
  CHECK(rig.fake.requests().back().path == std::string(kConnectors) + "/" + id + "/execute");
  CHECK(sent["entity"] == "campaigns");
  CHECK(sent["action"] == "list");
  CHECK(sent["params"] == test::campaign_params());
}

TEST_CASE("context_store_search passes the query through and pages by cursor") {
  HostedRig rig;
  rig.fake.add_connector(test::kUser, "Mine");
  json params{{"query", {{"filter", {{"eq", {{"operation_status", "ENABLE"}}}}}}}, {"limit", 2}, {"page", 1}};
  auto first = rig.fetch("campaigns", "context_store_search", params);
  CHECK(first.records.size() == 2);
  CHECK(first.extra_meta["has_more"] == true);
  REQUIRE(first.extra_meta["cursor"].is_string());
  auto sent = json::parse(rig.fake.requests().back().body);
  CHECK(sent["params"]["query"] == params["query"]);
  CHECK_FALSE(sent["params"].contains("page"));  // not a search parameter
  params.erase("page");
  params["cursor"] = first.extra_meta["cursor"];
  auto second = rig.fetch("campaigns", "context_store_search", params);
  CHECK(second.records[0] != first.records[0]);
}

TEST_CASE("a failed execution is an error with Airbyte's message") {
  HostedRig rig;
  const std::string id = rig.fake.add_connector(test::kUser, "Mine");
  rig.fake.fail_executions(id, "TikTok rejected the access token (40105)");
  auto e = error_of([&] { rig.fetch("campaigns", "list", test::campaign_params()); });
  CHECK(e.category() == ErrorCategory::Upstream);
  CHECK_THAT(e.describe(), Catch::Contains("TikTok rejected the access token (40105)"));
}

TEST_CASE("execute on an unknown connector is not found, and forgets the remembered choice") {
  HostedRig rig;
  const std::string id = rig.fake.add_connector(test::kUser, "Mine");
  rig.fetch("campaigns", "list", test::campaign_params());
  rig.fake.remove_connector(id);  // deleted elsewhere, behind the resolver's back
  const std::string replacement = rig.fake.add_connector(test::kUser, "Replacement");
  auto e = error_of([&] { rig.fetch("campaigns", "list", test::campaign_params()); });
  CHECK(e.category() == ErrorCategory::NotFound);
  CHECK_THAT(e.describe(), Catch::Contains("Connector not found"));
  CHECK(rig.fetch("campaigns", "list", test::campaign_params()).extra_meta["connector_id"] == replacement);
  CHECK(error_of([&] { rig.fetch("campaigns", "list", {}, std::string("nope")); }).category() == ErrorCategory::NotFound);
}

TEST_CASE("the direct-mode discovery entity is refused in hosted mode") {
  HostedRig rig;
  auto e = error_of([&] { rig.fetch("advertiser_ids", "list", json::object(), std::string("x")); });
  CHECK(e.category() == ErrorCategory::Unsupported);
  CHECK(rig.fake.requests().empty());
}

TEST_CASE("delete answers with the job; a second delete is not found") {
  HostedRig rig;
  const std::string id = rig.fake.add_connector(test::kUser, "Mine");
  CHECK(rig.hosted.connectors.remove(id, {})["job_id"] == "job-delete-" + id);
  CHECK(rig.fake.connector_count() == 0);
  CHECK(error_of([&] { rig.hosted.connectors.remove(id, {}); }).category() == ErrorCategory::NotFound);
}

TEST_CASE("the OAuth flow: consent URL, callback with secret_id, create with it") {
  HostedRig rig;
  json started = rig.hosted.connectors.initiate_oauth("https://app.example/callback", "", {});
  const std::string consent = started["consent_url"];
  auto sent = json::parse(rig.fake.requests().back().body);
  CHECK(sent == json{{"external_user_id", test::kUser},
                     {"connector_type", "Tiktok-Marketing"},
                     {"redirect_url", "https://app.example/callback"}});
  const std::string secret = rig.fake.approve_consent(consent);
  REQUIRE_FALSE(secret.empty());
  airbyte::CreateRequest r;
  r.name = "Via OAuth";
  r.oauth_secret_id = secret;
  auto created = rig.hosted.connectors.create(r, {});
  CHECK(rig.fake.connector(created.connector["id"])["access_token"] == canary::kOAuthTikTokTokenPrefix + secret);
  auto reused = error_of([&] { rig.hosted.connectors.create(r, {}); });
  CHECK(reused.details().field == "server_side_oauth_secret_id");
}

TEST_CASE("check reports the token, the connectors and the connector in use") {
  HostedRig rig;
  const std::string id = rig.fake.add_connector(test::kUser, "Mine");
  auto report = rig.executor.check({});
  CHECK(report.ok);
  CHECK(report.details["mode"] == "hosted");
  CHECK(report.details["application_token"] == "obtained");
  CHECK(report.details["tiktok_marketing_connectors"][0]["id"] == id);
  CHECK(report.details["connector_in_use"]["id"] == id);
  CHECK(report.details.contains("latency_ms"));

  HostedRig empty;
  auto none = empty.executor.check({});
  CHECK(none.ok);  // the credentials work; the user has yet to create a connector
  CHECK_THAT(none.details["connector_in_use"]["none"].get<std::string>(), Catch::Contains("has no TikTok Marketing"));

  HostedRig unset(options_with(&test::HostedOptions::external_user_id, ""));
  auto partial = unset.executor.check({});
  CHECK(partial.ok);
  CHECK_THAT(partial.details["connector_in_use"].get<std::string>(), Catch::Contains("pass connector_id"));

  HostedRig wrong(options_with(&test::HostedOptions::client_secret, canary::kWrongAirbyteClientSecret));
  auto failed = wrong.executor.check({});
  CHECK_FALSE(failed.ok);
  CHECK_THAT(failed.details["error"].get<std::string>(), Catch::Contains("AIRBYTE_CLIENT_SECRET"));
}

TEST_CASE("check with a configured connector confirms it exists") {
  HostedRig rig(options_with(&test::HostedOptions::connector_id, "missing-connector"));
  auto report = rig.executor.check({});
  CHECK_FALSE(report.ok);
  CHECK_THAT(report.details["error"].get<std::string>(), Catch::Contains("not found"));
}
