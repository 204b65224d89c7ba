// The cpp-httplib adapter on a real loopback socket (127.0.0.1, a free port).

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "http_test_support.hpp"
#include "mcp/session.hpp"
#include "transport/http_server.hpp"
#include "transport/streamable_http.hpp"

using namespace std::chrono_literals;
using test::json;

namespace {

struct LiveServer {
  mcp::Server server{test::test_server_options()};
  test::BlockingTool blocking;
  transport::StreamableHttp handler{server, {}, {}, {.endpoint = "/mcp", .max_body_bytes = 4096, .json_window = 0ms}};
  transport::HttpServer http{handler, {.host = "127.0.0.1",
                                       .port = 0,
                                       .threads = 8,
                                       .max_body_bytes = 4096,
                                       .keepalive = 50ms,
                                       .sweep_interval = 1s}};
  std::thread thread;
  int port = 0;

  LiveServer() {
    test::add_test_tools(server);
    blocking.add_to(server);
    port = http.bind();
    thread = std::thread([this] { http.run(); });
  }
  ~LiveServer() {
    http.stop();
    thread.join();
    server.join();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(10, 0);
    return c;
  }

  static httplib::Headers headers(const std::string& session_id = {}) {
    httplib::Headers h{{"Accept", "application/json, text/event-stream"}};
    if (!session_id.empty()) h.emplace("Mcp-Session-Id", session_id);
    return h;
  }

  std::string initialize() {
    auto c = client();
    auto res = c.Post("/mcp", headers(), test::initialize_request().dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return res->get_header_value("Mcp-Session-Id");
  }
};

// Starts a non-blocking connect to 127.0.0.1:port; the socket, or -1.
int start_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  return fd;
}

// Whether the connection on `fd` completes within `timeout`.
bool connected_within(int fd, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLOUT, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) != 1) return false;
  int error = 0;
  socklen_t size = sizeof error;
  return ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
}

}  // namespace

TEST_CASE("a burst of connections waits in the accept queue instead of being dropped") {
  // Nothing accepts here, so every connection must fit in the listen backlog. cpp-httplib's
  // own backlog of 5 made the kernel drop the rest (64 clients starting together saw resets).
  mcp::Server server{test::test_server_options()};
  transport::StreamableHttp handler{server, {}, {}, {.endpoint = "/mcp"}};
  transport::HttpServer http{handler, {.host = "127.0.0.1", .port = 0}};
  const int port = http.bind();
  std::vector<int> sockets;
  for (int i = 0; i < 64; ++i) sockets.push_back(start_connect(port));
  int connected = 0;
  for (int fd : sockets) connected += connected_within(fd, 500ms);
  for (int fd : sockets) ::close(fd);
  CHECK(connected == 64);
}

TEST_CASE("over a socket: initialize, JSON answers and the session header") {
  LiveServer live;
  REQUIRE(live.port > 0);
  const std::string id = live.initialize();
  CHECK(id.size() == 32);
  auto c = live.client();
  auto res = c.Post("/mcp", LiveServer::headers(id), test::rpc(1, "ping").dump(), "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(json::parse(res->body)["result"] == json::object());
}

TEST_CASE("over a socket: refusals and library errors are JSON-RPC errors too") {
  LiveServer live;
  auto c = live.client();
  SECTION("a foreign Host is refused before the body is read") {
    auto headers = LiveServer::headers();
    headers.emplace("Host", "evil.example.com");
    auto res = c.Post("/mcp", headers, test::initialize_request().dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(json::parse(res->body)["error"]["code"] == -32000);
  }
  SECTION("a body over the limit gets 413 with the limit named") {
    auto res = c.Post("/mcp", LiveServer::headers(), std::string(100000, ' '), "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK_THAT(json::parse(res->body)["error"]["message"].get<std::string>(), Catch::Contains("4096"));
  }
}

TEST_CASE("over a socket: a client that disconnects from its SSE stream has its call cancelled") {
  LiveServer live;
  const std::string id = live.initialize();
  auto use = live.handler.sessions().use(id);
  REQUIRE(use);
  auto session = (*use)->mcp_ptr();
  use.reset();

  httplib::Request req;
  req.method = "POST";
  req.path = "/mcp";
  req.headers = LiveServer::headers(id);
  req.set_header("Content-Type", "application/json");
  req.body = test::call_block(3, {{"progressToken", 1}}).dump();
  std::string received;
  req.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    received.append(data, size);
    return received.find("notifications/progress") == std::string::npos;  // false: hang up
  };
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  auto c = live.client();
  c.send(req, res, error);
  CHECK(res.status == 200);
  CHECK(res.get_header_value("Content-Type") == "text/event-stream");
  CHECK_THAT(received, Catch::Contains("notifications/progress"));
  c.stop();

  // The keep-alive write failed and the call was cancelled (it would run for 60 s otherwise).
  CHECK(session->wait_idle(30s));
  CHECK(live.blocking.count() == 1);
}
