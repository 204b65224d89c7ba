#pragma once
// One MCP session over Streamable HTTP, raw: JSON-RPC POSTed to /mcp on one keep-alive
// connection, the answer read from a JSON body or from the SSE stream the server may choose.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace httplib {
class Client;
}

namespace bench {

using nlohmann::json;

class HttpSession {
 public:
  HttpSession(const std::string& host, int port);
  ~HttpSession();

  // initialize (keeping the Mcp-Session-Id), then notifications/initialized.
  void open();
  // A request's result; throws on an HTTP or JSON-RPC error.
  json request(const std::string& method, const json& params);
  // DELETE /mcp: ends the session on the server.
  void close();

 private:
  // The answer's result (null when `expect_answer` is false: a notification gets 202).
  json post(const std::string& body, bool expect_answer);

  std::unique_ptr<httplib::Client> http_;
  std::string session_id_;
  long long next_id_ = 1;
};

}  // namespace bench
