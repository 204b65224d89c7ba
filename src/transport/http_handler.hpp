#pragma once
// What the HTTP server adapter drives: one of the two MCP HTTP transports.
//
// Threading: handle() is called concurrently from many HTTP threads and may block for a short
// while (a POST waits up to its JSON window); everything else may be called from any thread.

#include <optional>
#include <string>

#include "transport/http_message.hpp"

namespace transport {

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;

  virtual HttpResponse handle(const HttpRequest& request) = 0;

  // The refusal (403/401) for a request that fails the access checks, judged on its method,
  // path and headers alone, before its body is read; nullopt when it may go on.
  virtual std::optional<HttpResponse> admit(const HttpRequest& head) const = 0;

  // Ends sessions unused for longer than the idle timeout.
  virtual void expire_idle() = 0;

  // Ends every session: calls in flight are cancelled and open streams finish.
  virtual void shutdown() = 0;

  // The path clients connect to ("/mcp" or "/sse") and the transport's name, for the banner.
  virtual std::string endpoint() const = 0;
  virtual std::string name() const = 0;
};

}  // namespace transport
