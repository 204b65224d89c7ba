#pragma once
// The cpp-httplib adapter: listens on a socket and hands every request to an HttpHandler,
// writing its JSON or SSE reply. Also runs the idle-session sweep.
//
// SSE replies are written by the connection's thread as their events arrive; a comment line
// every `keepalive` keeps proxies from closing a quiet stream and is how a client that went
// away is noticed (the write fails, the stream is abandoned, its work cancelled).

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace transport {

class HttpHandler;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8000;  // 0: any free port
  // Connections served at once; each open SSE stream holds one.
  std::size_t threads = 256;
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  std::chrono::milliseconds keepalive{5000};
  std::chrono::milliseconds sweep_interval{30000};  // how often idle sessions are looked for
};

class HttpServer {
 public:
  HttpServer(HttpHandler& handler, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port (the chosen one for port 0). Throws
  // std::runtime_error naming the address when it cannot.
  int bind();

  // Serves until stop(). Call after bind().
  void run();

  // Ends every session (calls in flight are answered with the shutdown error), lets the open
  // event streams end properly (for at most 2 s), and stops serving. Any thread; idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace transport
