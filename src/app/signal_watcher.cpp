#include "app/signal_watcher.hpp"

#include <pthread.h>

#include <csignal>

namespace app {

namespace {

sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void block_shutdown_signals() {
  sigset_t set = shutdown_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal)
    : thread_([this, on_signal = std::move(on_signal)] {
        const sigset_t set = shutdown_signals();
        int sig = 0;
        while (sigwait(&set, &sig) == 0 && !closing_) on_signal(sig);
      }) {}

SignalWatcher::~SignalWatcher() {
  closing_ = true;
  // Wakes the watcher's sigwait. The signal is blocked in every thread, so it stays pending for
  // the watcher thread alone, and closing_ keeps it from being taken for a real one.
  pthread_kill(thread_.native_handle(), SIGTERM);
  thread_.join();
}

}  // namespace app
