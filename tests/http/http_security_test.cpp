#include <catch2/catch.hpp>

#include "http_test_support.hpp"
#include "support/canaries.hpp"
#include "transport/http_security.hpp"

using transport::AccessPolicy;
using transport::check_access;

TEST_CASE("localhost names are always allowed in Host, with or without a port") {
  AccessPolicy policy;
  for (const char* host : {"localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:9000",
                           "LocalHost:80"}) {
    CHECK(policy.host_allowed(host));
  }
  for (const char* host : {"evil.example.com", "evil.example.com:8000", "127.0.0.1.evil.com", "localhost.evil.com",
                           "", "0.0.0.0", "[::2]"}) {
    CHECK_FALSE(policy.host_allowed(host));
  }
}

TEST_CASE("configured hosts are allowed by name, or only on their port when one is given") {
  AccessPolicy policy;
  policy.allow_host("mcp.internal");
  policy.allow_host("other.internal:9000");
  const std::vector<std::pair<std::string, bool>> cases = {
      {"mcp.internal", true},         {"MCP.internal:1234", true}, {"other.internal:9000", true},
      {"other.internal:9001", false}, {"other.internal", false},
  };
  for (const auto& [host, allowed] : cases) {
    INFO(host);
    CHECK(policy.host_allowed(host) == allowed);
  }
}

TEST_CASE("origins: localhost over http(s) on any port, configured ones exactly, nothing else") {
  AccessPolicy policy;
  policy.allow_origin("https://App.Example.com/");
  const std::vector<std::pair<std::string, bool>> cases = {
      {"http://localhost:3000", true},         {"https://127.0.0.1", true},
      {"http://[::1]:5173", true},             {"https://app.example.com", true},
      {"http://app.example.com", false},       {"https://app.example.com:8443", false},
      {"http://evil.example.com", false},      {"http://localhost.evil.com", false},
      {"null", false},                         {"file://localhost", false},
  };
  for (const auto& [origin, allowed] : cases) {
    INFO(origin);
    CHECK(policy.origin_allowed(origin) == allowed);
  }
}

TEST_CASE("check_access refuses a bad Host or Origin with 403 and a JSON-RPC error") {
  AccessPolicy policy;
  auto request = test::http_request("POST", "/mcp");
  CHECK_FALSE(check_access(policy, request));

  SECTION("foreign Host") {
    request.headers["Host"] = "evil.example.com";
    auto refusal = check_access(policy, request);
    REQUIRE(refusal);
    CHECK(refusal->status == 403);
    auto body = test::body_of(*refusal);
    CHECK(body["error"]["code"] == -32000);
    CHECK(body["id"].is_null());
    CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains("DNS rebinding"));
  }
  SECTION("missing Host") {
    request.headers.erase("Host");
    auto refusal = check_access(policy, request);
    REQUIRE(refusal);
    CHECK(refusal->status == 403);
  }
  SECTION("foreign Origin") {
    request.headers["Origin"] = "http://evil.example.com";
    auto refusal = check_access(policy, request);
    REQUIRE(refusal);
    CHECK(refusal->status == 403);
    CHECK_THAT(refusal->body, Catch::Contains("Origin"));
  }
  SECTION("no Origin at all is fine (not a browser)") { CHECK_FALSE(check_access(policy, request)); }
}

TEST_CASE("with a token, requests need Authorization: Bearer with exactly that token") {
  const std::string token = canary::kMcpAuthToken;
  AccessPolicy policy;
  policy.require_token(token);
  auto request = test::http_request("POST", "/mcp");

  SECTION("missing: 401 with a bearer challenge") {
    auto refusal = check_access(policy, request);
    REQUIRE(refusal);
    CHECK(refusal->status == 401);
    CHECK(refusal->headers.at("WWW-Authenticate") == "Bearer realm=\"mcp\"");
    CHECK(test::body_of(*refusal)["error"]["code"] == -32000);
  }
  SECTION("wrong token, wrong length, other scheme: 401 invalid_token") {
    const std::vector<std::string> values{"Bearer " + std::string(canary::kWrongMcpAuthToken),
                                          "Bearer " + token.substr(0, 10), "Basic " + token, "Bearer ",
                                          "Bearer " + token + "x"};
    for (const std::string& value : values) {
      request.headers["Authorization"] = value;
      auto refusal = check_access(policy, request);
      REQUIRE(refusal);
      CHECK(refusal->status == 401);
      CHECK_THAT(refusal->headers.at("WWW-Authenticate"), Catch::Contains("invalid_token"));
      CHECK_FALSE(canary::appears_in(refusal->body));
    }
  }
  SECTION("right token, scheme in any case") {
    request.headers["Authorization"] = "Bearer " + token;
    CHECK_FALSE(check_access(policy, request));
    request.headers["Authorization"] = "bearer " + token;
    CHECK_FALSE(check_access(policy, request));
  }
  SECTION("Host and Origin are still checked first") {
    request.headers["Authorization"] = "Bearer " + token;
    request.headers["Origin"] = "http://evil.example.com";
    auto refusal = check_access(policy, request);
    REQUIRE(refusal);
    CHECK(refusal->status == 403);
  }
}

TEST_CASE("the server refuses to listen beyond loopback without a token") {
  CHECK(transport::refuse_to_listen("0.0.0.0", false));
  CHECK(transport::refuse_to_listen("192.168.1.5", false));
  CHECK(transport::refuse_to_listen("::", false));
  CHECK_THAT(*transport::refuse_to_listen("0.0.0.0", false), Catch::Contains("MCP_AUTH_TOKEN"));
  CHECK_FALSE(transport::refuse_to_listen("0.0.0.0", true));
  for (const char* host : {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"}) {
    CHECK_FALSE(transport::refuse_to_listen(host, false));
  }
}
