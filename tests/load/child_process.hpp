#pragma once
// A child process started with a chosen environment: its stdin and stdout are pipes this
// process holds, its stderr goes to a file (the server's log). Killed and reaped when this
// object goes away, if it is still running.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace load {

class ChildProcess {
 public:
  // Throws std::runtime_error when the program cannot be started.
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env, const std::string& stderr_path);
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

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::optional<int> status_;
};

// Writes all of `text` to `fd`; false if the reader went away.
bool write_all(int fd, const std::string& text);

}  // namespace load
