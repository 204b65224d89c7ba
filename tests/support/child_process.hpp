#pragma once
// A child process with pipes on its stdin and stdout that this process holds, the way an MCP
// client starts a stdio server; its stderr goes to a file. Killed and reaped when this object
// goes away, if it is still running.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace test {

struct Command {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH when it holds no slash
  std::map<std::string, std::string> env;  // the child's whole environment
  std::string stderr_path = "/dev/null";   // truncated first
};

class ChildProcess {
 public:
  // Throws std::runtime_error when the program cannot be started.
  explicit ChildProcess(const Command& command);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  int stdin_fd() const { return stdin_fd_; }
  int stdout_fd() const { return stdout_fd_; }

  // Closes the child's stdin (end of input for a stdio server).
  void close_stdin();
  void terminate();
  // The exit status (or 128 + signal) once the child has exited within `timeout`.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  // Closes stdin and waits for the exit; kills the child if it has not exited by `grace`.
  int finish(std::chrono::milliseconds grace = std::chrono::seconds(10));

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::optional<int> status_;
};

// Writes all of `text` to `fd`; false if the reader went away.
bool write_all(int fd, std::string_view text);

}  // namespace test
