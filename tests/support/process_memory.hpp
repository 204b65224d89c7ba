#pragma once
// A process's resident memory from /proc/PID/status: now (VmRSS) and its peak so far (VmHWM).

#include <sys/types.h>

#include <cstddef>

namespace test {

struct ProcessMemory {
  std::size_t rss_kib = 0;
  std::size_t peak_kib = 0;
};

// All zero once the process is gone (a zombie has no memory left to report).
ProcessMemory memory_of(pid_t pid);

}  // namespace test
