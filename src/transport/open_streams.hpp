#pragma once
// The event streams an HTTP server is writing. Once stopping, cpp-httplib drops a chunked
// response that has not ended, which its client sees as a broken connection: the server's
// stop() waits for them first.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

namespace transport {

class OpenStreams {
 public:
  // Held by a stream's response until it is done with.
  std::shared_ptr<void> track() {
    std::lock_guard lock(mutex_);
    ++count_;
    return std::make_shared<Token>(*this);
  }

  // False when streams are still open after `timeout`.
  bool wait_none(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return none_.wait_for(lock, timeout, [this] { return count_ == 0; });
  }

 private:
  struct Token {
    explicit Token(OpenStreams& owner) : owner(owner) {}
    ~Token() { owner.release(); }
    OpenStreams& owner;
  };

  void release() {
    std::lock_guard lock(mutex_);
    if (--count_ == 0) none_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable none_;
  std::size_t count_ = 0;
};

}  // namespace transport
