#include "load/http_load.hpp"

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "load/tool_calls.hpp"
#include "support/http_session.hpp"
#include "support/reply_body.hpp"

namespace load {

namespace {

class StatsBook {
 public:
  void add(const HttpLoadStats& s) {
    std::lock_guard lock(mutex_);
    total_.json_replies += s.json_replies;
    total_.event_stream_replies += s.event_stream_replies;
    total_.failed_posts += s.failed_posts;
    total_.sessions_opened += s.sessions_opened;
    total_.sessions_closed += s.sessions_closed;
  }
  HttpLoadStats total() const { return total_; }

 private:
  std::mutex mutex_;
  HttpLoadStats total_;
};

void read_reply(const test::HttpReply& reply, long long id, ReplyLedger& ledger, HttpLoadStats& stats) {
  if (reply.status != 200) {
    ++stats.failed_posts;
    ledger.problem("call " + std::to_string(id) + ": HTTP " + std::to_string(reply.status) + " " +
                   reply.body.substr(0, 200));
    return;
  }
  const bool stream = reply.content_type.rfind("text/event-stream", 0) == 0;
  ++(stream ? stats.event_stream_replies : stats.json_replies);
  try {
    for (const auto& message : test::messages_in_body(reply.content_type, reply.body)) {
      ledger.record(message, reply.body);
    }
  } catch (const std::exception& e) {
    ledger.problem("call " + std::to_string(id) + ": " + e.what());
  }
}

// Session `index` sends the ids first_id + index, + sessions, + 2 * sessions, ...
HttpLoadStats run_session(const HttpLoadPlan& plan, std::size_t index, ReplyLedger& ledger) {
  HttpLoadStats stats;
  test::HttpSession session(plan.host, plan.port);
  try {
    session.open(initialize_request());
  } catch (const std::exception& e) {
    ledger.problem("session " + std::to_string(index) + ": " + e.what());
    return stats;
  }
  ++stats.sessions_opened;
  const long long end = plan.first_id + plan.calls;
  for (long long id = plan.first_id + static_cast<long long>(index); id < end;
       id += static_cast<long long>(plan.sessions)) {
    if (std::chrono::steady_clock::now() > plan.deadline) break;
    ledger.expect(id);
    read_reply(session.post(campaigns_call(id)), id, ledger, stats);
  }
  stats.sessions_closed += session.close();
  return stats;
}

}  // namespace

HttpLoadStats run_http_load(const HttpLoadPlan& plan, ReplyLedger& ledger) {
  StatsBook book;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < plan.sessions; ++i) {
    threads.emplace_back([&plan, &ledger, &book, i] { book.add(run_session(plan, i, ledger)); });
  }
  for (auto& t : threads) t.join();
  return book.total();
}

}  // namespace load
