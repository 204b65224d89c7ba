#include "load/stdio_load.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "load/tool_calls.hpp"
#include "support/line_reader.hpp"
#include "support/mcp_messages.hpp"

namespace load {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// What the writer and the reader share.
class Window {
 public:
  explicit Window(std::size_t limit) : limit_(limit) {}

  // Waits for room for one more call; false at the deadline.
  bool enter(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_until(lock, deadline, [this] { return open_ < limit_; })) return false;
    most_ = std::max(most_, ++open_);
    return true;
  }
  void leave() {
    std::lock_guard lock(mutex_);
    if (open_ > 0) --open_;
    changed_.notify_all();
  }
  bool wait_empty(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return changed_.wait_until(lock, deadline, [this] { return open_ == 0; });
  }
  void mark_initialized() {
    std::lock_guard lock(mutex_);
    initialized_ = true;
    changed_.notify_all();
  }
  bool wait_initialized(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return changed_.wait_until(lock, deadline, [this] { return initialized_; });
  }
  std::size_t most() {
    std::lock_guard lock(mutex_);
    return most_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t limit_;
  std::size_t open_ = 0;
  std::size_t most_ = 0;
  bool initialized_ = false;
};

void take_line(const std::string& line, ReplyLedger& ledger, Window& window) {
  json message = json::parse(line, nullptr, false);
  if (message.is_discarded()) {
    ledger.problem("a stdout line that is not JSON: " + line.substr(0, 200));
    return;
  }
  if (message.is_object() && message.value("id", json()) == "init") {
    window.mark_initialized();
    return;
  }
  ledger.record(message, line);
  window.leave();
}

// Reads lines until end of file, or until `give_up` once `stopping` is set.
void read_lines(int fd, ReplyLedger& ledger, Window& window, const std::atomic<bool>& stopping,
                Clock::time_point give_up) {
  test::LineReader reader(fd);
  while (!reader.ended() && !(stopping && Clock::now() > give_up)) {
    if (auto line = reader.next(std::chrono::milliseconds(200))) take_line(*line, ledger, window);
  }
  if (reader.dropped_partial_line()) ledger.problem("an unterminated last line on stdout");
}

}  // namespace

StdioLoadStats run_stdio_load(const StdioLoadPlan& plan, test::ChildProcess& server, ReplyLedger& ledger) {
  StdioLoadStats stats;
  Window window(plan.in_flight);
  std::atomic<bool> stopping = false;
  std::thread reader(
      [&] { read_lines(server.stdout_fd(), ledger, window, stopping, plan.deadline + std::chrono::seconds(10)); });
  const int in = server.stdin_fd();
  test::write_all(in, initialize_request().dump() + "\n");
  stats.initialized = window.wait_initialized(plan.deadline);
  if (stats.initialized) {
    test::write_all(in, test::initialized_notification().dump() + "\n");
    for (long long id = plan.first_id; id < plan.first_id + plan.calls; ++id) {
      if (!window.enter(plan.deadline)) break;
      ledger.expect(id);
      if (!test::write_all(in, campaigns_call(id).dump() + "\n")) break;
    }
    window.wait_empty(plan.deadline);
  } else {
    ledger.problem("stdio: no answer to initialize");
  }
  stopping = true;
  server.close_stdin();
  reader.join();
  stats.most_in_flight = window.most();
  return stats;
}

}  // namespace load
