#pragma once
// Follows a process's peak resident memory while it runs: VmHWM in /proc/PID/status, read
// every 50 ms until the process is gone. (Not ru_maxrss from wait4: a child started with
// posix_spawn runs in its parent's memory until exec, and the kernel counts the parent's peak
// as the child's there.)

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <thread>

namespace load {

class MemoryWatch {
 public:
  explicit MemoryWatch(pid_t pid);
  ~MemoryWatch();
  MemoryWatch(const MemoryWatch&) = delete;
  MemoryWatch& operator=(const MemoryWatch&) = delete;

  // Stops watching; the highest VmHWM seen, in KiB (0 if it could never be read).
  std::size_t stop();

 private:
  void run();

  pid_t pid_;
  std::atomic<bool> stopping_ = false;
  std::size_t peak_kib_ = 0;
  std::thread thread_;
};

}  // namespace load
