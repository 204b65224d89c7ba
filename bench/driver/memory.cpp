#include "memory.hpp"

#include <fstream>
#include <string>

namespace bench {

Memory memory_of(pid_t pid) {
  Memory m;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  double kib = 0;
  std::string unit;
  while (status >> key) {
    if (key == "VmRSS:" || key == "VmHWM:") {
      status >> kib >> unit;
      (key == "VmRSS:" ? m.rss_mib : m.peak_mib) = kib / 1024.0;
    }
  }
  return m;
}

}  // namespace bench
