#pragma once
// One MCP session over Streamable HTTP, as a plain client sends it: initialize, then
// notifications/initialized, then requests carrying Mcp-Session-Id and MCP-Protocol-Version,
// each answered in its own POST reply; DELETE ends it. One connection, kept alive; not
// thread-safe (one thread per session).

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace httplib {
class Client;
}

namespace test {

struct HttpReply {
  int status = 0;  // 0: no HTTP answer (connection failed)
  std::string content_type;
  std::string body;
};

class HttpSession {
 public:
  // `read_timeout`: how long one POST may wait for its reply.
  HttpSession(const std::string& host, int port, std::chrono::seconds read_timeout = std::chrono::seconds(120));
  ~HttpSession();

  // Sends `initialize_request` and notifications/initialized; later POSTs carry the session id
  // and the protocol version it asked for. Throws std::runtime_error saying what went wrong.
  void open(const nlohmann::json& initialize_request);
  HttpReply post(const nlohmann::json& message);
  // DELETE; true when the server confirmed.
  bool close();

 private:
  std::unique_ptr<httplib::Client> client_;
  std::string session_id_;
  std::string protocol_version_;
};

}  // namespace test
