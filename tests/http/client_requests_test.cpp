// Server-to-client requests (sampling, elicitation): the core's ClientRequests and the way a
// tool reaches them through ToolContext::request_client.

#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "http_test_support.hpp"
#include "jsonrpc/error_codes.hpp"
#include "mcp/client_requests.hpp"
#include "mcp/protocol_error.hpp"
#include "support/session_client.hpp"

using namespace std::chrono_literals;
using mcp::ClientRequests;
using test::json;

namespace {

// Collects what call() sends, so the test can play the client.
struct Outbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<json> sent;

  ClientRequests::Send send() {
    return [this](const json& m) {
      std::lock_guard lock(mutex);
      sent.push_back(m);
      arrived.notify_all();
    };
  }
  json wait_first() {
    std::unique_lock lock(mutex);
    arrived.wait_for(lock, 10s, [this] { return !sent.empty(); });
    return sent.empty() ? json() : sent.front();
  }
};

jsonrpc::Message response(const json& body) { return *jsonrpc::classify(body).message; }

}  // namespace

TEST_CASE("a client request is sent with its own id and returns the client's result") {
  ClientRequests requests;
  Outbox outbox;
  auto result = std::async(std::launch::async, [&] {
    return requests.call("sampling/createMessage", {{"maxTokens", 5}}, outbox.send(), {}, 10s);
  });
  const json request = outbox.wait_first();
  CHECK(request["method"] == "sampling/createMessage");
  CHECK(request["params"]["maxTokens"] == 5);
  CHECK(request["id"].is_string());
  CHECK_FALSE(requests.resolve(response({{"jsonrpc", "2.0"}, {"id", "someone-else"}, {"result", {}}})));
  CHECK(requests.resolve(response({{"jsonrpc", "2.0"}, {"id", request["id"]}, {"result", {{"ok", true}}}})));
  CHECK(result.get() == json{{"ok", true}});
  CHECK(requests.pending() == 0);
  CHECK_FALSE(requests.resolve(response({{"jsonrpc", "2.0"}, {"id", request["id"]}, {"result", {}}})));  // late
}

TEST_CASE("an error answer becomes a ProtocolError with the client's code and message") {
  ClientRequests requests;
  Outbox outbox;
  auto result = std::async(std::launch::async, [&] { return requests.call("roots/list", nullptr, outbox.send(), {}, 10s); });
  const json request = outbox.wait_first();
  CHECK_FALSE(request.contains("params"));
  requests.resolve(response({{"jsonrpc", "2.0"}, {"id", request["id"]}, {"error", {{"code", -1}, {"message", "user declined"}}}}));
  try {
    result.get();
    FAIL("expected a ProtocolError");
  } catch (const mcp::ProtocolError& e) {
    CHECK(e.error().code == -1);
    CHECK(e.error().message == "user declined");
  }
}

TEST_CASE("cancelling the waiting call stops the wait and tells the client") {
  ClientRequests requests;
  Outbox outbox;
  std::stop_source stop;
  auto result = std::async(std::launch::async, [&] {
    return requests.call("elicitation/create", json::object(), outbox.send(), stop.get_token(), 60s);
  });
  const json request = outbox.wait_first();
  stop.request_stop();
  CHECK_THROWS_AS(result.get(), mcp::ProtocolError);
  std::lock_guard lock(outbox.mutex);
  REQUIRE(outbox.sent.size() == 2);
  CHECK(outbox.sent[1]["method"] == "notifications/cancelled");
  CHECK(outbox.sent[1]["params"]["requestId"] == request["id"]);
}

TEST_CASE("a client that never answers times out with a clear error") {
  ClientRequests requests;
  Outbox outbox;
  CHECK_THROWS_WITH(requests.call("sampling/createMessage", json::object(), outbox.send(), {}, 1ms),
                    Catch::Contains("did not answer sampling/createMessage"));
  CHECK(requests.pending() == 0);
}

TEST_CASE("a tool asks the client through its session; the client's capabilities are checked") {
  mcp::Server server(test::test_server_options());
  server.tools().add(mcp::Tool{"ask", "", "Asks the client to sample.", json{{"type", "object"}}, std::nullopt, {},
                               [](const json&, mcp::ToolContext& context) {
                                 json answer = context.request_client("sampling/createMessage", {{"maxTokens", 1}});
                                 return mcp::ToolResult::text(answer["content"]["text"].get<std::string>());
                               }});
  test::SessionClient client(server);

  SECTION("without the capability the call fails with a protocol error") {
    client.initialize();
    json reply = client.call("ask", json::object());
    CHECK(reply["error"]["code"] == jsonrpc::kInvalidRequest);
    CHECK_THAT(reply["error"]["message"].get<std::string>(), Catch::Contains("sampling"));
  }
  SECTION("with it, the request goes out on the call's channel and the answer comes back") {
    client.request("initialize", {{"protocolVersion", "2025-11-25"},
                                  {"capabilities", {{"sampling", json::object()}}},
                                  {"clientInfo", {{"name", "t"}, {"version", "1"}}}});
    client.send(json{{"jsonrpc", "2.0"}, {"id", 50}, {"method", "tools/call"}, {"params", {{"name", "ask"}}}});
    REQUIRE(client.wait_count(2));
    const json request = client.notifications("sampling/createMessage").at(0);
    client.send(json{{"jsonrpc", "2.0"},
                     {"id", request["id"]},
                     {"result", {{"role", "assistant"}, {"content", {{"type", "text"}, {"text", "sampled"}}}}}});
    json reply = client.wait_response(50);
    CHECK(reply["result"]["content"][0]["text"] == "sampled");
  }
  server.join();
}
