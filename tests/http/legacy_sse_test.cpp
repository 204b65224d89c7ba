#include <catch2/catch.hpp>

#include "http_test_support.hpp"
#include "mcp/session.hpp"
#include "transport/legacy_sse.hpp"
#include "transport/session_id.hpp"

using namespace std::chrono_literals;
using test::json;
using transport::HttpResponse;
using transport::LegacySse;

namespace {

struct Rig {
  mcp::Server server{test::test_server_options()};
  test::BlockingTool blocking;
  LegacySse sse{server, {}, {}, {.max_body_bytes = 4096}};

  Rig() {
    test::add_test_tools(server);
    blocking.add_to(server);
  }
  ~Rig() {
    sse.shutdown();
    server.join();
  }

  // Opens the stream; returns it and the URL its endpoint event names.
  std::pair<HttpResponse, std::string> open() {
    auto request = test::http_request("GET", "/sse");
    request.headers["Accept"] = "text/event-stream";
    HttpResponse response = sse.handle(request);
    REQUIRE(response.status == 200);
    REQUIRE(response.stream);
    CHECK(response.content_type == "text/event-stream");
    const std::string first = response.stream->next(1s).text;
    CHECK(first.rfind("event: endpoint\ndata: /messages?sessionId=", 0) == 0);
    const auto events = test::event_data(first);
    REQUIRE(events.size() == 1);
    return {std::move(response), events.front()};
  }

  HttpResponse post(const std::string& session_id, const json& message) {
    auto request = test::http_request("POST", "/messages", message.dump());
    if (!session_id.empty()) request.query["sessionId"] = session_id;
    return sse.handle(request);
  }
};

std::string session_of(const std::string& endpoint) { return endpoint.substr(endpoint.find('=') + 1); }

}  // namespace

TEST_CASE("GET /sse opens a session whose endpoint event names where to POST") {
  Rig rig;
  auto [stream, endpoint] = rig.open();
  CHECK(transport::is_well_formed_session_id(session_of(endpoint)));
  CHECK(rig.sse.sessions().size() == 1);
}

TEST_CASE("POSTed messages get 202 and their replies arrive on the stream as message events") {
  Rig rig;
  auto [stream, endpoint] = rig.open();
  const std::string id = session_of(endpoint);
  CHECK(rig.post(id, test::initialize_request(1)).status == 202);
  CHECK(rig.post(id, test::notification("notifications/initialized")).status == 202);
  CHECK(rig.post(id, test::rpc(2, "tools/call", {{"name", "echo"}, {"arguments", {{"text", "hey"}}}})).status == 202);
  auto messages = test::read_messages(*stream.stream, [](const auto& m) { return test::has_response(m, 2); });
  REQUIRE(messages.size() == 2);
  CHECK(messages[0]["result"]["protocolVersion"] == "2025-11-25");
  CHECK(messages[1]["result"]["structuredContent"]["echo"] == "hey");
}

TEST_CASE("bad POSTs are refused with clear errors, not sent to the stream") {
  Rig rig;
  auto [stream, endpoint] = rig.open();
  const std::string id = session_of(endpoint);
  CHECK(rig.post("", test::rpc(1, "ping")).status == 400);
  HttpResponse unknown = rig.post("0123456789abcdef0123456789abcdef", test::rpc(1, "ping"));
  CHECK(unknown.status == 404);
  CHECK(test::body_of(unknown)["error"]["code"] == -32001);

  auto request = test::http_request("POST", "/messages", "{oops");
  request.query["sessionId"] = id;
  HttpResponse bad_json = rig.sse.handle(request);
  CHECK(bad_json.status == 400);
  CHECK(test::body_of(bad_json)["error"]["code"] == -32700);
  request.headers["Content-Type"] = "text/plain";
  CHECK(rig.sse.handle(request).status == 415);
  request.headers["Content-Type"] = "application/json";
  request.body = std::string(5000, ' ');
  CHECK(rig.sse.handle(request).status == 413);
}

TEST_CASE("closing the stream ends the session and cancels its calls") {
  Rig rig;
  auto [stream, endpoint] = rig.open();
  const std::string id = session_of(endpoint);
  rig.post(id, test::initialize_request(1));
  rig.post(id, test::call_block(2));
  auto use = rig.sse.sessions().use(id);
  REQUIRE(use);
  auto session = (*use)->mcp_ptr();
  use.reset();
  CHECK(session->in_flight() == 1);

  stream.stream->abandon();
  CHECK(session->wait_idle(30s));
  CHECK(rig.blocking.count() == 1);
  HttpResponse after = rig.post(id, test::rpc(3, "ping"));
  CHECK(after.status == 404);
  CHECK_THAT(test::body_of(after)["error"]["message"].get<std::string>(), Catch::Contains("SSE stream was closed"));
}

TEST_CASE("the legacy endpoints refuse other methods, paths and Accept values") {
  Rig rig;
  CHECK(rig.sse.handle(test::http_request("POST", "/sse", "{}")).status == 405);
  CHECK(rig.sse.handle(test::http_request("GET", "/messages")).status == 405);
  CHECK(rig.sse.handle(test::http_request("GET", "/mcp")).status == 404);
  auto request = test::http_request("GET", "/sse");
  request.headers["Accept"] = "application/json";
  CHECK(rig.sse.handle(request).status == 406);
  request.headers["Host"] = "evil.example.com";
  CHECK(rig.sse.handle(request).status == 403);
}
