#pragma once
// A cpp-httplib server on 127.0.0.1 and a free port, started on its own thread and stopped
// when this object goes away. The base for the fake upstream servers.

#include <httplib.h>

#include <stdexcept>
#include <string>
#include <thread>

namespace fakes {

class LoopbackServer {
 public:
  LoopbackServer() = default;
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  virtual ~LoopbackServer() { stop(); }

  // Binds a free port and serves on a background thread; routes must be set first.
  void start() {
    server_.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listener_ = sock;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
    // cpp-httplib listens with a backlog of 5; a burst of new connections from a server under
    // load would overflow it, and the kernel would drop or reset some of them.
    ::listen(listener_, SOMAXCONN);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  httplib::Server& http() { return server_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  socket_t listener_ = INVALID_SOCKET;
  int port_ = 0;
};

}  // namespace fakes
