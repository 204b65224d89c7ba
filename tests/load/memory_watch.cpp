#include "load/memory_watch.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace load {

std::size_t vm_hwm_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) != 0) continue;
    std::istringstream fields(line.substr(6));
    std::size_t kib = 0;
    fields >> kib;
    return kib;
  }
  return 0;
}

MemoryWatch::MemoryWatch(pid_t pid) : pid_(pid), thread_([this] { run(); }) {}

MemoryWatch::~MemoryWatch() { stop(); }

std::size_t MemoryWatch::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  return peak_kib_;
}

void MemoryWatch::run() {
  while (!stopping_) {
    peak_kib_ = std::max(peak_kib_, vm_hwm_kib(pid_));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace load
