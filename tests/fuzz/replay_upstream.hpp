#pragma once
// An upstream that answers the n-th request with the n-th scripted answer (the last one again
// once they run out), so a fuzz input can script a token exchange, pages and retries.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <stop_token>
#include <utility>
#include <vector>

#include "net/http_transport.hpp"

namespace fuzz {

class ReplayUpstream : public net::HttpTransport {
 public:
  explicit ReplayUpstream(std::vector<net::HttpResult> answers) : answers_(std::move(answers)) {
    if (answers_.empty()) answers_.emplace_back();
  }

  net::HttpResult send(const net::HttpRequest&, const std::stop_token&) override {
    std::lock_guard lock(mutex_);
    const std::size_t i = std::min(sent_++, answers_.size() - 1);
    return answers_[i];
  }

  std::size_t sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<net::HttpResult> answers_;
  std::size_t sent_ = 0;
};

// A sleeper that never sleeps, for retries.
inline bool no_wait(std::chrono::milliseconds, const std::stop_token&) { return true; }

}  // namespace fuzz
