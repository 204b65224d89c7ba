#include "support/process_memory.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace test {

ProcessMemory memory_of(pid_t pid) {
  ProcessMemory m;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    const auto colon = line.find(':');
    const std::string name = line.substr(0, colon);
    if (name != "VmRSS" && name != "VmHWM") continue;
    std::istringstream value(line.substr(colon + 1));
    value >> (name == "VmRSS" ? m.rss_kib : m.peak_kib);
  }
  return m;
}

}  // namespace test
