#include <catch2/catch.hpp>

#include <unistd.h>

#include <thread>

#include "support/test_tools.hpp"
#include "transport/stdio_transport.hpp"

using nlohmann::json;

namespace {

struct Pipes {
  int in[2];
  int out[2];
  Pipes() {
    REQUIRE(::pipe(in) == 0);
    REQUIRE(::pipe(out) == 0);
  }
  ~Pipes() {
    for (int fd : {in[0], in[1], out[0], out[1]}) {
      if (fd >= 0) ::close(fd);
    }
  }
  void write(const std::string& text) { REQUIRE(::write(in[1], text.data(), text.size()) == (ssize_t)text.size()); }
  void close_input() {
    ::close(in[1]);
    in[1] = -1;
  }
  std::vector<json> read_all() {
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    std::vector<json> messages;
    std::size_t start = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
      messages.push_back(json::parse(text.substr(start, nl - start)));
      start = nl + 1;
    }
    CHECK(start == text.size());  // every message ends with a newline
    return messages;
  }
};

std::vector<json> run_session(const std::string& input, transport::StdioOptions options = {}) {
  mcp::ServerOptions server_options;
  server_options.info = {"t", "", "1", ""};
  mcp::Server server(server_options);
  test::add_test_tools(server);
  Pipes pipes;
  std::vector<json> out;
  {
    transport::StdioTransport stdio(server, options, pipes.in[0], pipes.out[1]);
    std::thread writer([&] {
      pipes.write(input);
      pipes.close_input();
    });
    stdio.run();
    writer.join();
  }
  server.join();
  ::close(pipes.out[1]);
  pipes.out[1] = -1;
  return pipes.read_all();
}

const std::string kInit =
    R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})"
    "\n";

}  // namespace

TEST_CASE("stdio answers each line and drains calls in flight at end of input") {
  auto out = run_session(kInit + R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}})" +
                         "\r\n\n" + R"({"jsonrpc":"2.0","id":2,"method":"ping"})");
  REQUIRE(out.size() == 3);
  CHECK(out[0]["id"] == 0);
  bool saw_echo = false;
  for (const auto& m : out) saw_echo = saw_echo || (m["id"] == 1 && m["result"]["structuredContent"]["echo"] == "hi");
  CHECK(saw_echo);
}

TEST_CASE("malformed lines get errors and the session goes on") {
  auto out = run_session("garbage\n\xff\xfe\n[1,2\n" + kInit + R"({"jsonrpc":"2.0","id":2,"method":"ping"})" + "\n");
  REQUIRE(out.size() == 5);
  for (int i = 0; i < 3; ++i) {
    CHECK(out[i]["error"]["code"] == -32700);
    CHECK(out[i]["id"].is_null());
  }
  CHECK(out[4]["result"] == json::object());
}

TEST_CASE("an oversized line is discarded with an error, not a crash") {
  transport::StdioOptions options;
  options.max_message_bytes = 1024;
  std::string huge = R"({"jsonrpc":"2.0","id":9,"method":"ping","params":{"x":")" + std::string(200000, 'a') + "\"}}\n";
  auto out = run_session(huge + kInit + R"({"jsonrpc":"2.0","id":2,"method":"ping"})" + "\n", options);
  REQUIRE(out.size() == 3);
  CHECK(out[0]["error"]["code"] == -32600);
  CHECK_THAT(out[0]["error"]["message"].get<std::string>(), Catch::Contains("larger than the limit of 1024 bytes"));
  CHECK(out[2]["result"] == json::object());
}

TEST_CASE("stop() answers calls in flight with the shutdown error and sends no partial output") {
  mcp::ServerOptions server_options;
  server_options.info = {"t", "", "1", ""};
  mcp::Server server(server_options);
  test::add_test_tools(server);
  Pipes pipes;
  {
    transport::StdioTransport stdio(server, {}, pipes.in[0], pipes.out[1]);
    pipes.write(kInit + R"({"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"wait_for_cancel","arguments":{}}})" + "\n");
    std::thread stopper([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      stdio.stop();
    });
    CHECK(stdio.run() == 0);
    stopper.join();
  }
  server.join();
  ::close(pipes.out[1]);
  pipes.out[1] = -1;
  auto out = pipes.read_all();
  REQUIRE(out.size() == 2);  // the initialize response, then the stopped call's
  CHECK(out[0]["id"] == 0);
  CHECK(out[1]["id"] == 5);
  CHECK(out[1]["error"]["code"] == -32000);
  CHECK_THAT(out[1]["error"]["message"].get<std::string>(), Catch::StartsWith("Server shutting down"));
}
