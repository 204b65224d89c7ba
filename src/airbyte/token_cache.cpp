#include "airbyte/token_cache.hpp"

#include <algorithm>
#include <exception>

namespace airbyte {

namespace {

[[noreturn]] void throw_cancelled() {
  execution::UpstreamError::Details d;
  d.category = execution::ErrorCategory::Cancelled;
  d.message = "the call was cancelled";
  throw execution::UpstreamError(std::move(d));
}

}  // namespace

TokenCache::TokenCache(Fetch fetch, Now now) : fetch_(std::move(fetch)), now_(std::move(now)) {
  if (!now_) now_ = [] { return Clock::now(); };
}

TokenCache::Clock::duration TokenCache::margin(std::chrono::seconds lifetime) {
  return std::min<Clock::duration>(std::chrono::seconds(60), lifetime / 4);
}

std::string TokenCache::get(const std::stop_token& stop) {
  std::unique_lock lock(mutex_);
  while (true) {
    if (!token_.empty() && now_() < refresh_at_) return token_;
    if (!refreshing_) return refresh(lock, stop);
    const std::uint64_t seen = refreshes_;
    if (!changed_.wait(lock, stop, [this] { return !refreshing_; })) throw_cancelled();
    // The refresh we waited for failed: its error is ours too, except a cancellation of the
    // thread that ran it, which says nothing about the credentials (then we try ourselves).
    if (refreshes_ != seen && failure_ && failure_->category() != execution::ErrorCategory::Cancelled) {
      throw execution::UpstreamError(*failure_);
    }
  }
}

std::string TokenCache::refresh(std::unique_lock<std::mutex>& lock, const std::stop_token& stop) {
  refreshing_ = true;
  lock.unlock();
  AccessToken fresh;
  std::optional<execution::UpstreamError> failure;
  std::exception_ptr other;  // not the upstream's answer (out of memory, a bug): waiters try themselves
  try {
    fresh = fetch_(stop);
  } catch (const execution::UpstreamError& e) {
    failure = e;
  } catch (...) {
    other = std::current_exception();
  }
  lock.lock();
  refreshing_ = false;
  ++refreshes_;
  failure_ = failure;
  if (!failure && !other) {
    token_ = fresh.value;
    refresh_at_ = now_() + fresh.expires_in - margin(fresh.expires_in);
  }
  changed_.notify_all();
  if (other) std::rethrow_exception(other);  // in this thread only, never shared
  if (failure) throw execution::UpstreamError(*failure);
  return token_;
}

void TokenCache::invalidate(const std::string& token) {
  std::lock_guard lock(mutex_);
  if (token_ == token) token_.clear();
}

std::uint64_t TokenCache::refreshes() const {
  std::lock_guard lock(mutex_);
  return refreshes_;
}

}  // namespace airbyte
