#pragma once
// Lines from a file descriptor (a child's stdout), with a timeout per wait.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace test {

class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}

  // The next line without its newline; nullopt when `timeout` passed first or at end of
  // input (then ended() is true; an unterminated last line is dropped and counted).
  std::optional<std::string> next(std::chrono::milliseconds timeout);
  bool ended() const { return ended_; }
  bool dropped_partial_line() const { return ended_ && !pending_.empty(); }

 private:
  int fd_;
  std::string pending_;
  std::size_t scanned_ = 0;  // bytes of pending_ known to hold no newline
  bool ended_ = false;
};

}  // namespace test
