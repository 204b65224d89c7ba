#include "load/memory_watch.hpp"

#include <algorithm>
#include <chrono>

#include "support/process_memory.hpp"

namespace load {

MemoryWatch::MemoryWatch(pid_t pid) : pid_(pid), thread_([this] { run(); }) {}

MemoryWatch::~MemoryWatch() { stop(); }

std::size_t MemoryWatch::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  return peak_kib_;
}

void MemoryWatch::run() {
  while (!stopping_) {
    peak_kib_ = std::max(peak_kib_, test::memory_of(pid_).peak_kib);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace load
