#pragma once
// A program started with pipes on its stdin and stdout (stderr goes to /dev/null), the way an
// MCP client starts a stdio server. The environment is this process's, less every variable the
// server would read (TIKTOK_MARKETING_*, AIRBYTE_*, MCP_*), plus the ones given.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

struct Command {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
};

class ChildProcess {
 public:
  explicit ChildProcess(const Command& command);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void write(std::string_view text);
  // The next line of stdout, without its newline; nullopt at end of output or after `timeout`.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);
  // The exit status if the process has exited, without waiting.
  std::optional<int> exit_status();
  // Closes stdin and waits for the exit; kills the process if it has not exited by `grace`.
  int finish(std::chrono::milliseconds grace = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
  int in_fd_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
  std::size_t scanned_ = 0;  // bytes of buffer_ known to hold no newline
  std::optional<int> status_;
};

}  // namespace bench
