#include "transport/event_stream.hpp"

namespace transport {

void EventStream::push(std::string text) {
  {
    std::lock_guard lock(mutex_);
    if (closed_ || abandoned_) return;
    queued_ += text;
  }
  ready_.notify_all();
}

void EventStream::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

void EventStream::abandon() {
  std::function<void()> callback;
  {
    std::lock_guard lock(mutex_);
    if (abandoned_ || drained_) return;
    abandoned_ = true;
    queued_.clear();
    callback = std::move(on_abandon_);
    on_abandon_ = nullptr;
  }
  ready_.notify_all();
  if (callback) callback();
}

void EventStream::on_abandon(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_abandon_ = std::move(callback);
}

EventStream::Chunk EventStream::next(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, wait, [this] { return !queued_.empty() || closed_ || abandoned_; });
  Chunk chunk;
  chunk.text = std::move(queued_);
  queued_.clear();
  chunk.finished = abandoned_ || closed_;
  if (closed_ && !abandoned_) drained_ = true;
  return chunk;
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

bool EventStream::abandoned() const {
  std::lock_guard lock(mutex_);
  return abandoned_;
}

}  // namespace transport
