#include <catch2/catch.hpp>

#include "http_test_support.hpp"
#include "support/canaries.hpp"
#include "mcp/session.hpp"
#include "transport/session_id.hpp"
#include "transport/streamable_http.hpp"

using namespace std::chrono_literals;
using test::body_of;
using test::json;
using test::mcp_post;
using test::rpc;
using transport::HttpResponse;
using transport::SessionTable;
using transport::StreamableHttp;

namespace {

struct Rig {
  mcp::Server server{test::test_server_options()};
  test::BlockingTool blocking;
  SessionTable::Clock::time_point now = SessionTable::Clock::time_point(std::chrono::hours(1000));
  StreamableHttp http;

  explicit Rig(transport::SessionLimits limits = {}, std::chrono::milliseconds json_window = 10s,
               transport::AccessPolicy policy = {})
      : http(server, std::move(policy), limits, {.endpoint = "/mcp", .max_body_bytes = 4096, .json_window = json_window},
             [this] { return now; }) {
    test::add_test_tools(server);
    blocking.add_to(server);
  }
  ~Rig() {
    http.shutdown();
    server.join();
  }

  std::string initialize() {
    HttpResponse response = http.handle(mcp_post(test::initialize_request()));
    REQUIRE(response.status == 200);
    const std::string id = response.headers.at("Mcp-Session-Id");
    CHECK(http.handle(mcp_post(test::notification("notifications/initialized"), id)).status == 202);
    return id;
  }
};

json error_of(const HttpResponse& response) { return body_of(response)["error"]; }

}  // namespace

TEST_CASE("initialize opens a session: JSON answer with a random Mcp-Session-Id") {
  Rig rig;
  HttpResponse response = rig.http.handle(mcp_post(test::initialize_request(7)));
  CHECK(response.status == 200);
  CHECK(response.content_type == "application/json");
  const std::string id = response.headers.at("Mcp-Session-Id");
  CHECK(transport::is_well_formed_session_id(id));
  CHECK(body_of(response)["id"] == 7);
  CHECK(body_of(response)["result"]["protocolVersion"] == "2025-11-25");
  CHECK(rig.http.sessions().size() == 1);
}

TEST_CASE("the MCP-Protocol-Version header is never checked on initialize") {
  Rig rig;
  auto request = mcp_post(test::initialize_request());
  request.headers["MCP-Protocol-Version"] = "1999-01-01";
  CHECK(rig.http.handle(request).status == 200);
}

TEST_CASE("a failed initialize leaves no session behind") {
  Rig rig;
  HttpResponse response = rig.http.handle(mcp_post(rpc(1, "initialize", json::object())));
  CHECK(response.status == 200);
  CHECK(error_of(response)["code"] == -32602);
  CHECK(response.headers.count("Mcp-Session-Id") == 0);
  CHECK(rig.http.sessions().size() == 0);
}

TEST_CASE("POST checks come in a fixed order, each with its own status and a JSON-RPC error") {
  Rig rig;
  const std::string id = rig.initialize();
  auto ping = mcp_post(rpc(1, "ping"), id);

  SECTION("406 when the client does not accept both JSON and SSE") {
    ping.headers["Accept"] = "application/json";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 406);
    CHECK(error_of(r)["code"] == -32000);
    ping.headers["Accept"] = "text/event-stream";
    CHECK(rig.http.handle(ping).status == 406);
    ping.headers["Accept"] = "application/json;q=0, text/event-stream";
    CHECK(rig.http.handle(ping).status == 406);
  }
  SECTION("wildcards and parameters in Accept are understood") {
    ping.headers["Accept"] = "*/*";
    CHECK(rig.http.handle(ping).status == 200);
    ping.headers["Accept"] = "application/*;q=0.9, text/event-stream";
    CHECK(rig.http.handle(ping).status == 200);
  }
  SECTION("415 for a body that is not declared JSON") {
    ping.headers["Content-Type"] = "text/plain";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 415);
    CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("application/json"));
    ping.headers["Content-Type"] = "application/json; charset=utf-8";
    CHECK(rig.http.handle(ping).status == 200);
  }
  SECTION("413 for a body over the limit") {
    ping.body = json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "ping"}, {"params", {{"pad", std::string(5000, 'x')}}}}.dump();
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 413);
    CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("4096"));
  }
  SECTION("400 with -32700 for a body that is not JSON") {
    ping.body = "{not json";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 400);
    CHECK(error_of(r)["code"] == -32700);
  }
  SECTION("400 with -32600 for JSON that is not a JSON-RPC message") {
    ping.body = R"({"jsonrpc":"2.0","id":3})";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 400);
    CHECK(error_of(r)["code"] == -32600);
    CHECK(body_of(r)["id"] == 3);
  }
  SECTION("400 with -32600 for a second initialize in the session") {
    HttpResponse r = rig.http.handle(mcp_post(test::initialize_request(), id));
    CHECK(r.status == 400);
    CHECK(error_of(r)["code"] == -32600);
    CHECK(rig.http.sessions().size() == 1);
  }
  SECTION("400 without Mcp-Session-Id") {
    ping.headers.erase("Mcp-Session-Id");
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 400);
    CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("Mcp-Session-Id"));
  }
  SECTION("404 with -32001 for an unknown session") {
    ping.headers["Mcp-Session-Id"] = "0123456789abcdef0123456789abcdef";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 404);
    CHECK(error_of(r)["code"] == -32001);
  }
  SECTION("400 for an unsupported MCP-Protocol-Version; any supported one, or none, is accepted") {
    ping.headers["MCP-Protocol-Version"] = "2031-01-01";
    HttpResponse r = rig.http.handle(ping);
    CHECK(r.status == 400);
    CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("2025-11-25"));
    ping.headers["MCP-Protocol-Version"] = "2025-03-26";
    CHECK(rig.http.handle(ping).status == 200);
    ping.headers.erase("MCP-Protocol-Version");
    CHECK(rig.http.handle(ping).status == 200);
  }
  SECTION("403 comes before everything else") {
    ping.headers["Origin"] = "http://evil.example.com";
    ping.headers["Accept"] = "text/html";
    CHECK(rig.http.handle(ping).status == 403);
  }
}

TEST_CASE("notifications and responses get 202 with no body; requests get their answer") {
  Rig rig;
  const std::string id = rig.initialize();
  HttpResponse accepted = rig.http.handle(mcp_post(test::notification("notifications/whatever"), id));
  CHECK(accepted.status == 202);
  CHECK(accepted.body.empty());
  HttpResponse answer = rig.http.handle(mcp_post(json{{"jsonrpc", "2.0"}, {"id", "x"}, {"result", {}}}, id));
  CHECK(answer.status == 202);

  HttpResponse echo =
      rig.http.handle(mcp_post(rpc(5, "tools/call", {{"name", "echo"}, {"arguments", {{"text", "hi"}}}}), id));
  CHECK(echo.status == 200);
  CHECK(echo.content_type == "application/json");
  CHECK(echo.headers.at("Mcp-Session-Id") == id);
  CHECK(body_of(echo)["result"]["structuredContent"]["echo"] == "hi");
}

TEST_CASE("a call that sends notifications before its result answers with an SSE stream") {
  Rig rig;
  const std::string id = rig.initialize();
  HttpResponse r = rig.http.handle(mcp_post(test::call_block(9, {{"progressToken", "p"}}), id));
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "text/event-stream");
  REQUIRE(r.stream);
  auto messages = test::read_messages(*r.stream, [](const auto& m) { return !m.empty(); });
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["method"] == "notifications/progress");
  CHECK(messages[0]["params"]["progressToken"] == "p");

  SECTION("notifications/cancelled on another POST stops the call; no response is sent") {
    CHECK(rig.http.handle(mcp_post(test::notification("notifications/cancelled", {{"requestId", 9}}), id)).status ==
          202);
    messages = test::read_messages(*r.stream, [](const auto&) { return false; });
    CHECK_FALSE(test::has_response(messages, 9));
    CHECK(r.stream->closed());
    CHECK(rig.blocking.count() == 1);
  }
  SECTION("a client that goes away (the stream is abandoned) cancels the call") {
    auto use = rig.http.sessions().use(id);
    auto& session = (*use)->mcp();
    CHECK(session.in_flight() == 1);
    r.stream->abandon();
    CHECK(session.wait_idle(30s));
    CHECK(rig.blocking.count() == 1);
  }
}

TEST_CASE("a slow call switches to SSE after the JSON window and the answer follows on the stream") {
  Rig rig({}, 0ms);
  const std::string id = rig.initialize();
  HttpResponse r = rig.http.handle(mcp_post(test::call_block(4), id));
  REQUIRE(r.stream);
  CHECK(rig.http.handle(mcp_post(test::notification("notifications/cancelled", {{"requestId", 4}}), id)).status == 202);
  test::read_messages(*r.stream, [](const auto&) { return false; });
  CHECK(r.stream->closed());
  CHECK(rig.blocking.count() == 1);
}

TEST_CASE("sessions are independent: a blocked call in one does not hold up another") {
  Rig rig({}, 0ms);
  const std::string a = rig.initialize();
  const std::string b = rig.initialize();
  HttpResponse blocked =
      rig.http.handle(mcp_post(test::call_block(1), a));
  REQUIRE(blocked.stream);
  HttpResponse ping = rig.http.handle(mcp_post(rpc(2, "ping"), b));
  CHECK(ping.status == 200);
  CHECK(body_of(ping)["result"] == json::object());
  CHECK(rig.http.handle(mcp_post(test::notification("notifications/cancelled", {{"requestId", 1}}), a)).status == 202);
}

TEST_CASE("DELETE ends the session; later requests get 404 saying so") {
  Rig rig;
  const std::string id = rig.initialize();
  auto del = test::http_request("DELETE", "/mcp");
  CHECK(rig.http.handle(del).status == 400);  // no session named
  del.headers["Mcp-Session-Id"] = id;
  CHECK(rig.http.handle(del).status == 200);
  HttpResponse after = rig.http.handle(mcp_post(rpc(1, "ping"), id));
  CHECK(after.status == 404);
  CHECK_THAT(error_of(after)["message"].get<std::string>(), Catch::Contains("the client ended it"));
  CHECK(rig.http.handle(del).status == 404);
}

TEST_CASE("GET (no standalone stream), other methods and other paths are refused clearly") {
  Rig rig;
  HttpResponse get = rig.http.handle(test::http_request("GET", "/mcp"));
  CHECK(get.status == 405);
  CHECK(get.headers.at("Allow") == "POST, DELETE");
  CHECK(rig.http.handle(test::http_request("PUT", "/mcp")).status == 405);
  HttpResponse other = rig.http.handle(test::http_request("POST", "/other", "{}"));
  CHECK(other.status == 404);
  CHECK_THAT(error_of(other)["message"].get<std::string>(), Catch::Contains("/mcp"));
}

TEST_CASE("the session limit answers initialize with 503 until a session ends or expires") {
  Rig rig({.max_sessions = 1, .idle_timeout = 60s});
  const std::string first = rig.initialize();
  HttpResponse refused = rig.http.handle(mcp_post(test::initialize_request()));
  CHECK(refused.status == 503);
  CHECK(refused.headers.count("Retry-After") == 1);
  CHECK_THAT(error_of(refused)["message"].get<std::string>(), Catch::Contains("max_sessions"));

  rig.now += 61s;  // the first session has been idle past the timeout
  CHECK(rig.http.handle(mcp_post(test::initialize_request())).status == 200);
  HttpResponse expired = rig.http.handle(mcp_post(rpc(1, "ping"), first));
  CHECK(expired.status == 404);
  CHECK_THAT(error_of(expired)["message"].get<std::string>(), Catch::Contains("expired"));
}

TEST_CASE("with a token, a request without it is refused before it reaches a session") {
  transport::AccessPolicy policy;
  policy.require_token(canary::kMcpAuthToken);
  Rig rig({}, 10s, policy);
  HttpResponse refused = rig.http.handle(mcp_post(test::initialize_request()));
  CHECK(refused.status == 401);
  CHECK(rig.http.sessions().size() == 0);
  auto request = mcp_post(test::initialize_request());
  request.headers["Authorization"] = std::string("Bearer ") + canary::kMcpAuthToken;
  CHECK(rig.http.handle(request).status == 200);
}
