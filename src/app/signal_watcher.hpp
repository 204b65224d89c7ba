#pragma once
// SIGINT and SIGTERM handled as ordinary code instead of inside a signal handler: they are
// blocked in every thread (block_shutdown_signals, before any thread starts; threads inherit the
// mask) and a thread of the watcher's own waits for them and calls on_signal.
// The watcher joins that thread when it is destroyed, after any on_signal in progress has
// returned, so whatever on_signal touches must outlive the watcher: declare the watcher after it.

#include <atomic>
#include <functional>
#include <thread>

namespace app {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards, and
// ignores SIGPIPE (a client that goes away is seen as a failed write, not a signal).
void block_shutdown_signals();

class SignalWatcher {
 public:
  explicit SignalWatcher(std::function<void(int)> on_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  std::atomic<bool> closing_{false};  // before thread_: set up before the thread starts
  std::thread thread_;
};

}  // namespace app
