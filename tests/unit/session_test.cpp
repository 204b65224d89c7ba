#include <catch2/catch.hpp>

#include "jsonrpc/error_codes.hpp"
#include "support/session_client.hpp"
#include "support/test_tools.hpp"

using nlohmann::json;

namespace {

mcp::ServerOptions options(std::size_t page_size = 100) {
  mcp::ServerOptions o;
  o.info = {"tiktok-marketing-mcp", "TikTok Marketing", "9.9.9", "desc"};
  o.instructions = "Use the tools.";
  o.workers = 4;
  o.tools_page_size = page_size;
  o.validate_output = true;
  return o;
}

}  // namespace

TEST_CASE("initialize echoes a supported version and otherwise answers the latest") {
  mcp::Server server(options());
  for (std::string version : {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"}) {
    test::SessionClient client(server);
    auto r = client.initialize(version);
    CHECK(r["result"]["protocolVersion"] == version);
    CHECK(r["result"]["serverInfo"]["name"] == "tiktok-marketing-mcp");
    CHECK(r["result"]["serverInfo"]["version"] == "9.9.9");
    CHECK(r["result"]["capabilities"].contains("tools"));
    CHECK(r["result"]["capabilities"].contains("logging"));
    CHECK(r["result"]["instructions"] == "Use the tools.");
    CHECK(r["result"]["serverInfo"].contains("title") == (version >= "2025-06-18"));
    CHECK(r["result"]["serverInfo"].contains("description") == (version == "2025-11-25"));
  }
  test::SessionClient future(server);
  CHECK(future.initialize("2099-01-01")["result"]["protocolVersion"] == "2025-11-25");
}

TEST_CASE("only ping is answered before initialize; a second initialize is refused") {
  mcp::Server server(options());
  test::SessionClient client(server);
  CHECK(client.request("ping")["result"] == json::object());
  auto early = client.request("tools/list");
  CHECK(early["error"]["code"] == jsonrpc::kInvalidRequest);
  CHECK_THAT(early["error"]["message"].get<std::string>(), Catch::Contains("send \"initialize\" first"));
  client.initialize();
  auto again = client.request("initialize", {{"protocolVersion", "2025-11-25"}});
  CHECK(again["error"]["code"] == jsonrpc::kInvalidRequest);
  auto missing = test::SessionClient(server).request("initialize", json::object());
  CHECK(missing["error"]["code"] == jsonrpc::kInvalidParams);
}

TEST_CASE("unknown methods are -32601 and malformed text gets -32700 with a null id") {
  mcp::Server server(options());
  test::SessionClient client(server);
  client.initialize();
  CHECK(client.request("nope/nothing")["error"]["code"] == jsonrpc::kMethodNotFound);
  client.send_text("{not json");
  REQUIRE(client.wait_count(3));
  auto last = client.messages().back();
  CHECK(last["error"]["code"] == jsonrpc::kParseError);
  CHECK(last["id"].is_null());
}

TEST_CASE("tools/list pages with a cursor and refuses an unknown cursor") {
  mcp::Server server(options(2));
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  auto first = client.request("tools/list");
  REQUIRE(first["result"]["tools"].size() == 2);
  CHECK(first["result"]["tools"][0]["name"] == "echo");
  REQUIRE(first["result"].contains("nextCursor"));
  auto second = client.request("tools/list", {{"cursor", first["result"]["nextCursor"]}});
  REQUIRE(second["result"]["tools"].size() == 1);
  CHECK(second["result"]["tools"][0]["name"] == "fails");
  CHECK_FALSE(second["result"].contains("nextCursor"));
  for (json bad : {json("zzz"), json(5), json("t99"), json("t0")}) {
    CHECK(client.request("tools/list", {{"cursor", bad}})["error"]["code"] == jsonrpc::kInvalidParams);
  }
}

TEST_CASE("tool fields a version does not define are not sent") {
  mcp::Server server(options());
  test::add_test_tools(server);
  for (std::string version : {"2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"}) {
    test::SessionClient client(server);
    client.initialize(version);
    auto echo = client.request("tools/list")["result"]["tools"][0];
    CHECK(echo.contains("title") == (version >= "2025-06-18"));
    CHECK(echo.contains("outputSchema") == (version >= "2025-06-18"));
    CHECK(echo.contains("annotations") == (version >= "2025-03-26"));
    auto result = client.call("echo", {{"text", "hi"}})["result"];
    CHECK(result.contains("structuredContent") == (version >= "2025-06-18"));
    CHECK(result["content"][0]["text"] == R"({"echo":"hi"})");
  }
}

TEST_CASE("arguments are validated and defaulted before the handler runs") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  auto ok = client.call("echo", {{"text", "ab"}, {"times", 2}});
  CHECK(ok["result"]["structuredContent"]["echo"] == "abab");
  auto bad = client.call("echo", {{"times", 9}, {"txt", "x"}});
  REQUIRE(bad["result"]["isError"] == true);
  const std::string text = bad["result"]["content"][0]["text"];
  CHECK_THAT(text, Catch::Contains("arguments.text: is required but missing"));
  CHECK_THAT(text, Catch::Contains("arguments.times: must be an integer from 1 to 3, but got 9"));
  CHECK_THAT(text, Catch::Contains("arguments.txt: is not a recognised property"));
}

TEST_CASE("an unknown tool is -32602; a throwing tool is an error result") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  auto unknown = client.call("nope", json::object());
  CHECK(unknown["error"]["code"] == jsonrpc::kInvalidParams);
  CHECK_THAT(unknown["error"]["message"].get<std::string>(), Catch::Contains("Unknown tool: nope"));
  auto failing = client.call("fails", json::object());
  CHECK(failing["result"]["isError"] == true);
  CHECK_THAT(failing["result"]["content"][0]["text"].get<std::string>(), Catch::Contains("boom"));
  auto bad_params = client.request("tools/call", {{"name", 5}});
  CHECK(bad_params["error"]["code"] == jsonrpc::kInvalidParams);
}

TEST_CASE("cancellation stops the call and no response is sent; progress and logs flow first") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  CHECK(client.request("logging/setLevel", {{"level", "info"}})["result"] == json::object());
  client.send(json{{"jsonrpc", "2.0"},
                   {"id", "slow"},
                   {"method", "tools/call"},
                   {"params", {{"name", "wait_for_cancel"}, {"arguments", json::object()}, {"_meta", {{"progressToken", "p1"}}}}}});
  REQUIRE(client.wait_count(5));  // init, setLevel, 2 progress, 1 log
  while (client.session().in_flight() == 0) std::this_thread::yield();
  client.send(json{{"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", "slow"}}}});
  REQUIRE(client.session().wait_idle(std::chrono::seconds(5)));
  CHECK(client.request("ping")["result"] == json::object());
  auto progress = client.notifications("notifications/progress");
  REQUIRE(progress.size() == 2);
  CHECK(progress[0]["params"]["progressToken"] == "p1");
  CHECK(progress[0]["params"]["message"] == "started");
  CHECK(progress[1]["params"]["progress"] == 2);
  auto logs = client.notifications("notifications/message");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0]["params"]["level"] == "info");
  CHECK(client.wait_response("slow", std::chrono::milliseconds(50)).is_null());
  // A cancel for an unknown id is ignored.
  client.send(json{{"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", 999}}}});
  CHECK(client.request("ping")["result"] == json::object());
}

TEST_CASE("a slow call does not block ping or other calls") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  client.send(json{{"jsonrpc", "2.0"}, {"id", 100}, {"method", "tools/call"},
                   {"params", {{"name", "wait_for_cancel"}, {"arguments", json::object()}}}});
  CHECK(client.request("ping")["result"] == json::object());
  CHECK(client.call("echo", {{"text", "x"}})["result"]["structuredContent"]["echo"] == "x");
  auto duplicate = client.request("tools/call", {{"name", "echo"}, {"arguments", {{"text", "y"}}}}, 100);
  CHECK(duplicate["error"]["code"] == jsonrpc::kInvalidRequest);
  client.session().cancel_all();
  CHECK(client.session().wait_idle(std::chrono::seconds(5)));
}

TEST_CASE("cancel(id) stops that call alone, sends it no response, and is false for an unknown id") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  for (int id : {201, 202}) {
    client.send(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
                     {"params", {{"name", "wait_for_cancel"}, {"arguments", json::object()}}}});
  }
  while (client.session().in_flight() < 2) std::this_thread::yield();
  CHECK(client.session().cancel(json(201)));
  CHECK_FALSE(client.session().cancel(json(999)));
  CHECK_FALSE(client.session().cancel(json("201")));  // a string id is another id
  while (client.session().in_flight() > 1) std::this_thread::yield();
  CHECK(client.session().in_flight() == 1);
  CHECK(client.wait_response(201, std::chrono::milliseconds(100)).is_null());
  client.session().cancel_all();
  CHECK(client.session().wait_idle(std::chrono::seconds(5)));
  CHECK(client.wait_response(202, std::chrono::milliseconds(100)).is_null());
}

TEST_CASE("shut_down answers calls in flight with the shutdown error, except those the client cancelled") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient client(server);
  client.initialize();
  for (int id : {101, 102}) {
    client.send(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
                     {"params", {{"name", "wait_for_cancel"}, {"arguments", json::object()}}}});
  }
  client.send(json{{"jsonrpc", "2.0"}, {"method", "notifications/cancelled"}, {"params", {{"requestId", 102}}}});
  client.session().shut_down();
  CHECK(client.session().wait_idle(std::chrono::seconds(5)));
  auto stopped = client.wait_response(101);
  CHECK(stopped["error"]["code"] == jsonrpc::kServerShuttingDown);
  CHECK_THAT(stopped["error"]["message"].get<std::string>(), Catch::StartsWith("Server shutting down"));
  CHECK(client.wait_response(102, std::chrono::milliseconds(200)).is_null());
}

TEST_CASE("logging/setLevel validates the level and filters messages") {
  mcp::Server server(options());
  test::SessionClient client(server);
  client.initialize();
  CHECK(client.request("logging/setLevel", {{"level", "loud"}})["error"]["code"] == jsonrpc::kInvalidParams);
  CHECK(client.request("logging/setLevel", {{"level", "debug"}})["result"] == json::object());
}

TEST_CASE("batches are answered as one array under 2025-03-26 and refused otherwise") {
  mcp::Server server(options());
  test::add_test_tools(server);
  test::SessionClient old_client(server);
  old_client.initialize("2025-03-26");
  old_client.send_text(R"([{"jsonrpc":"2.0","id":"a","method":"ping"},
    {"jsonrpc":"2.0","method":"notifications/initialized"},
    {"jsonrpc":"2.0","id":"b","method":"tools/call","params":{"name":"echo","arguments":{"text":"z"}}}])");
  REQUIRE(old_client.wait_count(2));
  auto batch = old_client.messages().back();
  REQUIRE(batch.is_array());
  CHECK(batch.size() == 2);

  test::SessionClient new_client(server);
  new_client.initialize("2025-11-25");
  new_client.send_text(R"([{"jsonrpc":"2.0","id":"a","method":"ping"}])");
  REQUIRE(new_client.wait_count(2));
  auto refused = new_client.messages().back();
  CHECK(refused["error"]["code"] == jsonrpc::kInvalidRequest);
  CHECK(refused["id"].is_null());
}
