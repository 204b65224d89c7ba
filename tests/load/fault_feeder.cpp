#include "load/fault_feeder.hpp"

#include <chrono>

namespace load {

FaultFeeder::FaultFeeder(fakes::FakeTikTokServer& fake, std::size_t every, std::size_t stop_at)
    : fake_(fake), every_(every), stop_at_(stop_at), thread_([this] { run(); }) {}

FaultFeeder::~FaultFeeder() { stop(); }

FaultCounts FaultFeeder::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  return counts_;
}

void FaultFeeder::run() {
  std::size_t injected = 0;
  while (!stopping_) {
    const std::size_t seen = fake_.count();
    if (seen >= stop_at_) break;
    if (seen >= (injected + 1) * every_) inject(injected++);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void FaultFeeder::inject(std::size_t n) {
  using fakes::Fault;
  switch (n % 10) {
    case 4:
    case 9:
      fake_.queue(Fault::body_code(kPermanentCode, "Invalid parameters (fault injected by the load test)"));
      ++counts_.permanent;
      return;
    case 0:
    case 3:
    case 6:
      fake_.queue(Fault::body_code(50000, "Internal service error (fault injected by the load test)"));
      break;
    case 1:
    case 5:
    case 7:
      fake_.queue(Fault::http(503));
      break;
    default:
      fake_.queue(Fault::body_code(40100, "Too many requests (fault injected by the load test)"));
  }
  ++counts_.transient;
}

}  // namespace load
