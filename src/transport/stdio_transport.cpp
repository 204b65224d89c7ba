#include "transport/stdio_transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "jsonrpc/error_codes.hpp"
#include "jsonrpc/message.hpp"
#include "log/logger.hpp"
#include "log/redactor.hpp"
#include "mcp/server.hpp"
#include "mcp/session.hpp"

namespace transport {

namespace {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

StdioTransport::StdioTransport(mcp::Server& server, StdioOptions options, int in_fd, int out_fd)
    : server_(server), options_(options), in_fd_(in_fd), out_fd_(out_fd), session_(server.open_session()) {
  if (::pipe(wake_pipe_) != 0) throw std::runtime_error("stdio transport: cannot create a pipe");
}

StdioTransport::~StdioTransport() {
  for (int fd : wake_pipe_) {
    if (fd >= 0) ::close(fd);
  }
}

void StdioTransport::stop() {
  if (stopping_.exchange(true)) return;
  char byte = 1;
  [[maybe_unused]] auto n = ::write(wake_pipe_[1], &byte, 1);
}

void StdioTransport::write_message(const nlohmann::json& message) {
  std::string text = logging::redact(jsonrpc::serialize(message));
  text += '\n';
  std::lock_guard lock(write_mutex_);
  if (output_broken_) return;
  if (!write_all(out_fd_, text)) {
    output_broken_ = true;
    logging::warning("stdio", "the client closed stdout; stopping");
    stop();
  }
}

void StdioTransport::serve_line(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.find_first_not_of(" \t") == std::string::npos) return;
  session_->receive(line, mcp::ReplyChannel{[this](const nlohmann::json& m) { write_message(m); }, nullptr});
}

void StdioTransport::reject_oversized(std::size_t bytes) {
  logging::warning("stdio", "rejected a message of " + std::to_string(bytes) + " bytes or more");
  write_message(jsonrpc::make_error(
      nullptr, jsonrpc::Error{jsonrpc::kInvalidRequest,
                              "Invalid Request: the message is larger than the limit of " +
                                  std::to_string(options_.max_message_bytes) +
                                  " bytes and was discarded; send smaller messages (or raise the server's "
                                  "max_message_bytes)",
                              nullptr}));
}

int StdioTransport::run() {
  std::string line;
  std::vector<char> buffer(64 * 1024);
  bool discarding = false;  // inside an oversized line, skipping to its end
  std::size_t discarded = 0;
  bool eof = false;
  while (!stopping_ && !eof) {
    pollfd fds[2] = {{in_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int ready = ::poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || (fds[1].revents & POLLIN)) break;
    ssize_t n = ::read(in_fd_, buffer.data(), buffer.size());
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) {
      eof = true;
      break;
    }
    std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
    while (!chunk.empty()) {
      auto newline = chunk.find('\n');
      auto part = chunk.substr(0, newline);
      if (discarding) {
        discarded += part.size();
      } else if (line.size() + part.size() > options_.max_message_bytes) {
        discarding = true;
        discarded = line.size() + part.size();
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(part);
      }
      if (newline == std::string_view::npos) break;
      if (discarding) {
        reject_oversized(discarded);
        discarding = false;
      } else {
        serve_line(line);
      }
      line.clear();
      chunk.remove_prefix(newline + 1);
    }
  }
  if (eof && !stopping_) {
    if (discarding) {
      reject_oversized(discarded);
    } else {
      serve_line(line);  // a last message without a trailing newline
    }
  }
  shut_down(stopping_);
  return 0;
}

void StdioTransport::shut_down(bool cancel_now) {
  if (cancel_now) {
    session_->shut_down();  // each call in flight is answered with the shutdown error
  } else {
    if (!session_->wait_idle(options_.drain_timeout)) {
      logging::warning("stdio", "calls still running after the drain timeout; cancelling them");
    }
    session_->cancel_all();
  }
  session_->wait_idle(std::chrono::milliseconds(10000));
}

}  // namespace transport
