#pragma once
// Faults one upstream request in every `every` while a load runs: a thread watches the fake
// TikTok API's request count and queues the next fault of a fixed mix each time the count
// passes another `every`. The fake applies a queued fault to the next request it gets, so the
// faults spread over the run instead of hitting its first requests.
//
// The mix, per ten faults: eight transient (code 50000, HTTP 503, code 40100), which the
// server retries, and two permanent (code 40002, invalid parameters), which must come back
// as error results.

#include <atomic>
#include <cstddef>
#include <thread>

#include "fakes/fake_tiktok_server.hpp"

namespace load {

inline constexpr long long kPermanentCode = 40002;

struct FaultCounts {
  std::size_t transient = 0;
  std::size_t permanent = 0;
};

class FaultFeeder {
 public:
  // Stops queueing once the fake has seen `stop_at` requests, so that every fault queued is
  // taken by some later request (there are at least `stop_at` of them).
  FaultFeeder(fakes::FakeTikTokServer& fake, std::size_t every, std::size_t stop_at);
  ~FaultFeeder();
  FaultFeeder(const FaultFeeder&) = delete;
  FaultFeeder& operator=(const FaultFeeder&) = delete;

  // Stops the thread; returns what was queued.
  FaultCounts stop();

 private:
  void run();
  void inject(std::size_t n);

  fakes::FakeTikTokServer& fake_;
  std::size_t every_;
  std::size_t stop_at_;
  FaultCounts counts_;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

}  // namespace load
