#pragma once
// One MCP session over Streamable HTTP, as a plain client sends it: initialize, then
// notifications/initialized, then requests carrying Mcp-Session-Id and MCP-Protocol-Version,
// each answered in its own POST reply; DELETE ends it. One connection, kept alive; not
// thread-safe (one thread per session).

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace httplib {
class Client;
}

namespace load {

struct HttpReply {
  int status = 0;  // 0: no HTTP answer (connection failed)
  std::string content_type;
  std::string body;
};

class HttpSession {
 public:
  HttpSession(const std::string& host, int port);
  ~HttpSession();

  // Initializes the session; throws std::runtime_error saying what went wrong.
  void open();
  HttpReply post(const nlohmann::json& message);
  // DELETE; true when the server confirmed.
  bool close();

 private:
  std::unique_ptr<httplib::Client> client_;
  std::string session_id_;
};

}  // namespace load
