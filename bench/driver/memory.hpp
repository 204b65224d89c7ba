#pragma once
// A process's resident memory from /proc/PID/status: now (VmRSS) and its peak so far (VmHWM).

#include <sys/types.h>

namespace bench {

struct Memory {
  double rss_mib = 0;
  double peak_mib = 0;
};

Memory memory_of(pid_t pid);

}  // namespace bench
