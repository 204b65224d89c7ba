#pragma once
// The Airbyte application token, cached: fetched on first use, fetched again shortly before
// it expires or when the API rejected it, and shared by every caller. Concurrent callers that
// find it missing or stale wait for one refresh instead of each exchanging credentials.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>

#include "execution/upstream_error.hpp"

namespace airbyte {

struct AccessToken {
  std::string value;
  std::chrono::seconds expires_in{900};
};

class TokenCache {
 public:
  using Clock = std::chrono::steady_clock;
  // Exchanges the credentials for a new token; throws execution::UpstreamError on failure.
  using Fetch = std::function<AccessToken(const std::stop_token&)>;
  using Now = std::function<Clock::time_point()>;

  explicit TokenCache(Fetch fetch, Now now = {});

  // A token that is not near its expiry. Refreshes when needed; while another thread is
  // refreshing, waits for its result (and its failure, unless it was a cancellation).
  // Throws what Fetch throws, or a cancelled UpstreamError when stop is requested while waiting.
  std::string get(const std::stop_token& stop);

  // The API answered 401 to `token`: the next get() fetches a new one, unless another caller
  // already replaced it. Thread-safe.
  void invalidate(const std::string& token);

  // How many exchanges have been made (for check and tests).
  std::uint64_t refreshes() const;

  // A token expiring in `lifetime` is refreshed this long before it runs out.
  static Clock::duration margin(std::chrono::seconds lifetime);

 private:
  std::string refresh(std::unique_lock<std::mutex>& lock, const std::stop_token& stop);

  Fetch fetch_;
  Now now_;
  mutable std::mutex mutex_;
  std::condition_variable_any changed_;
  std::string token_;
  Clock::time_point refresh_at_{};
  bool refreshing_ = false;
  std::uint64_t refreshes_ = 0;
  // Why the last refresh failed, handed to the callers that waited for it. Each throws its own
  // copy rather than all rethrowing one shared exception object, whose lifetime would then hang
  // on a reference count inside the C++ runtime that ThreadSanitizer cannot see.
  std::optional<execution::UpstreamError> failure_;
};

}  // namespace airbyte
