#pragma once
// Serving an mcp::Server over one of the HTTP transports, configured from config::Config:
// the access policy (localhost names plus the configured hosts and origins, the bearer token),
// the limits, and the listening address. This is what main() and the conformance fixture run.

#include <memory>
#include <string>

#include "config/config.hpp"

namespace mcp {
class Server;
}

namespace transport {

class HttpHandler;
class HttpServer;

class HttpService {
 public:
  // Builds the transport `config.transport` names (http or sse) and binds its address.
  // Throws std::runtime_error with the reason when it must not or cannot listen (a
  // non-loopback address without MCP_AUTH_TOKEN, a port in use).
  HttpService(mcp::Server& server, const config::Config& config);
  ~HttpService();

  int port() const { return port_; }
  // Where clients connect, e.g. http://127.0.0.1:8000/mcp.
  std::string url() const;
  // "Streamable HTTP" or "legacy HTTP+SSE".
  std::string transport_name() const;

  // Serves until stop().
  void run();
  // Any thread (a signal handler's thread); idempotent.
  void stop();

 private:
  std::string host_;
  int port_ = 0;
  std::unique_ptr<HttpHandler> handler_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace transport
