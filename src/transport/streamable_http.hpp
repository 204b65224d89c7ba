#pragma once
// The Streamable HTTP transport (protocol 2025-03-26 to 2025-11-25) on one endpoint, /mcp:
//   POST    a message or batch; 202 for notifications and responses, otherwise the answer as
//           JSON or an SSE stream (see PostExchange)
//   GET     405: this server sends nothing outside a request, so it offers no standalone stream
//   DELETE  ends the session named by Mcp-Session-Id
// initialize opens a session and returns its Mcp-Session-Id; every later request must carry
// it. A POST is checked in this order, each failure with its own status:
//   access (403/401) -> Accept (406) -> Content-Type (415) -> size (413) -> JSON (400 -32700)
//   -> repeated initialize (400 -32600) -> Mcp-Session-Id missing (400) or unknown (404 -32001)
//   -> MCP-Protocol-Version (400) -> session limit on initialize (503)

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "jsonrpc/message.hpp"
#include "transport/http_handler.hpp"
#include "transport/http_security.hpp"
#include "transport/session_table.hpp"

namespace mcp {
class Server;
}

namespace transport {

struct StreamableHttpOptions {
  std::string endpoint = "/mcp";
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  // How long a POST waits for its answer before switching to an SSE stream (which can carry
  // keep-alives and so notice a client that went away).
  std::chrono::milliseconds json_window{1000};
};

class StreamableHttp : public HttpHandler {
 public:
  StreamableHttp(mcp::Server& server, AccessPolicy policy, SessionLimits limits, StreamableHttpOptions options,
                 SessionTable::Now now = &SessionTable::Clock::now);

  HttpResponse handle(const HttpRequest& request) override;
  std::optional<HttpResponse> admit(const HttpRequest& head) const override { return check_access(policy_, head); }
  void expire_idle() override { sessions_.expire_idle(); }
  void shutdown() override { sessions_.end_all(); }
  std::string endpoint() const override { return options_.endpoint; }
  std::string name() const override { return "Streamable HTTP"; }

  SessionTable& sessions() { return sessions_; }

 private:
  HttpResponse post(const HttpRequest& request);
  HttpResponse remove(const HttpRequest& request);
  HttpResponse initialize(jsonrpc::Payload payload);
  HttpResponse exchange(SessionUse use, jsonrpc::Payload payload);
  std::optional<HttpResponse> check_protocol_version(const HttpRequest& request) const;

  mcp::Server& server_;
  const AccessPolicy policy_;
  const StreamableHttpOptions options_;
  SessionTable sessions_;
};

}  // namespace transport
