#pragma once
// Test doubles for time: a sleeper that records the waits asked of it instead of sleeping,
// and a clock that moves only when told to.

#include <chrono>
#include <mutex>
#include <stop_token>
#include <vector>

#include "airbyte/token_cache.hpp"
#include "upstream/sleeper.hpp"

namespace test {

class RecordingSleeper {
 public:
  upstream::Sleeper fn() {
    return [this](std::chrono::milliseconds d, const std::stop_token&) {
      std::lock_guard lock(mutex_);
      waits_.push_back(d);
      return allow_;
    };
  }
  std::vector<std::chrono::milliseconds> waits() const {
    std::lock_guard lock(mutex_);
    return waits_;
  }
  void refuse() {  // as if the call were cancelled during the wait
    std::lock_guard lock(mutex_);
    allow_ = false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> waits_;
  bool allow_ = true;
};

class ManualClock {
 public:
  airbyte::TokenCache::Now fn() {
    return [this] {
      std::lock_guard lock(mutex_);
      return now_;
    };
  }
  void advance(std::chrono::steady_clock::duration d) {
    std::lock_guard lock(mutex_);
    now_ += d;
  }

 private:
  std::mutex mutex_;
  std::chrono::steady_clock::time_point now_{};
};

}  // namespace test
