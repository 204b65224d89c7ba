#pragma once
// The legacy HTTP+SSE transport (protocol 2024-11-05, deprecated since 2025-03-26), for
// clients that predate Streamable HTTP:
//   GET  /sse                       opens a session and its event stream; the first event,
//                                   "endpoint", names the URL to POST to
//   POST /messages?sessionId=<id>   one message or batch; 202, and every reply goes out on the
//                                   session's stream as a "message" event
// The session lives as long as its stream: closing it ends the session and cancels its calls.
// Same access checks and limits as Streamable HTTP.

#include <cstddef>
#include <memory>
#include <string>

#include "transport/http_handler.hpp"
#include "transport/http_security.hpp"
#include "transport/session_table.hpp"

namespace mcp {
class Server;
}

namespace transport {

struct LegacySseOptions {
  std::string stream_path = "/sse";
  std::string messages_path = "/messages";
  std::size_t max_body_bytes = 16 * 1024 * 1024;
};

class LegacySse : public HttpHandler {
 public:
  LegacySse(mcp::Server& server, AccessPolicy policy, SessionLimits limits, LegacySseOptions options);

  HttpResponse handle(const HttpRequest& request) override;
  std::optional<HttpResponse> admit(const HttpRequest& head) const override { return check_access(policy_, head); }
  void expire_idle() override { sessions_->expire_idle(); }
  void shutdown() override { sessions_->end_all(); }
  std::string endpoint() const override { return options_.stream_path; }
  std::string name() const override { return "legacy HTTP+SSE"; }

  SessionTable& sessions() { return *sessions_; }

 private:
  HttpResponse open_stream(const HttpRequest& request);
  HttpResponse post(const HttpRequest& request);

  mcp::Server& server_;
  const AccessPolicy policy_;
  const LegacySseOptions options_;
  // Shared with the streams' abandon callbacks, which end their session.
  std::shared_ptr<SessionTable> sessions_;
};

}  // namespace transport
