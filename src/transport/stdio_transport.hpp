#pragma once
// The stdio transport: newline-delimited JSON-RPC on a pair of file descriptors. Only protocol
// messages are written to the output descriptor, each whole and on its own line; logs go to
// stderr. Runs until end of input or stop(), then finishes (or cancels) the calls in flight.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace mcp {
class Server;
class Session;
}  // namespace mcp

namespace transport {

struct StdioOptions {
  std::size_t max_message_bytes = 16 * 1024 * 1024;
  // After end of input, how long calls in flight may take to finish before they are cancelled.
  std::chrono::milliseconds drain_timeout{30000};
};

class StdioTransport {
 public:
  StdioTransport(mcp::Server& server, StdioOptions options, int in_fd, int out_fd);
  ~StdioTransport();

  // Reads and serves messages until end of input or stop(). Returns 0 on a clean end.
  int run();

  // Ends run() from any thread (signal handling): calls in flight are stopped, each answered
  // with the shutdown error (-32000).
  void stop();

 private:
  void serve_line(std::string& line);
  void reject_oversized(std::size_t bytes);
  void write_message(const nlohmann::json& message);
  void shut_down(bool cancel_now);

  mcp::Server& server_;
  StdioOptions options_;
  int in_fd_;
  int out_fd_;
  int wake_pipe_[2] = {-1, -1};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> output_broken_{false};
  std::mutex write_mutex_;
  std::shared_ptr<mcp::Session> session_;
};

}  // namespace transport
