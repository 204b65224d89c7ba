#pragma once
// Tool calls over Streamable HTTP: `sessions` sessions at once, one thread and one
// connection each, every session sending its share of the calls one after another.

#include <chrono>
#include <cstddef>
#include <string>

#include "load/reply_ledger.hpp"

namespace load {

struct HttpLoadPlan {
  std::string host = "127.0.0.1";
  int port = 0;
  std::size_t sessions = 64;
  long long calls = 0;
  long long first_id = 1;                          // ids first_id .. first_id + calls - 1
  std::chrono::steady_clock::time_point deadline;  // no call is sent after it
};

struct HttpLoadStats {
  std::size_t json_replies = 0;
  std::size_t event_stream_replies = 0;
  std::size_t failed_posts = 0;  // no HTTP answer, or not 200
  std::size_t sessions_opened = 0;
  std::size_t sessions_closed = 0;
};

HttpLoadStats run_http_load(const HttpLoadPlan& plan, ReplyLedger& ledger);

}  // namespace load
