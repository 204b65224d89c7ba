#pragma once
// Tool calls over stdio on one server process: initialize, then the calls written as fast
// as the server takes them with up to `in_flight` unanswered at once, answers read on a
// thread of their own.

#include <chrono>
#include <cstddef>

#include "load/reply_ledger.hpp"
#include "support/child_process.hpp"

namespace load {

struct StdioLoadPlan {
  long long calls = 0;
  long long first_id = 1;
  std::size_t in_flight = 256;
  std::chrono::steady_clock::time_point deadline;  // gives up waiting for answers after it
};

struct StdioLoadStats {
  std::size_t most_in_flight = 0;  // the most calls unanswered at once
  bool initialized = false;
};

// Closes the server's stdin at the end.
StdioLoadStats run_stdio_load(const StdioLoadPlan& plan, test::ChildProcess& server, ReplyLedger& ledger);

}  // namespace load
