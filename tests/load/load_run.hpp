#pragma once
// One load run over one transport: the fake TikTok API in this process, the server under
// test as a child process in direct mode against it, the calls, the faults, and the figures
// the checks are made on.

#include <cstddef>
#include <string>

#include "load/fault_feeder.hpp"
#include "load/options.hpp"
#include "load/reply_ledger.hpp"

namespace load {

enum class Transport { Http, Stdio };

struct RunFigures {
  std::string transport;
  long long calls = 0;
  std::size_t sessions = 0;     // HTTP sessions (or 1 for stdio)
  std::size_t concurrency = 0;  // calls in flight at most
  double seconds = 0;
  std::size_t upstream_requests = 0;
  std::size_t max_per_second = 0;          // upstream requests in the busiest sliding second
  std::size_t max_per_checked_window = 0;  // the same over a second less the allowed jitter
  FaultCounts faults;
  ReplyTally replies;
  std::size_t json_replies = 0;
  std::size_t event_stream_replies = 0;
  std::size_t sessions_opened = 0;
  std::size_t sessions_closed = 0;
  std::size_t peak_rss_kib = 0;
  int exit_status = -1;
  bool canary_in_log = false;
  std::string log_path;
};

// Throws std::runtime_error when the run cannot be set up (no binary, no port, no baseline).
RunFigures run_load(const LoadOptions& options, Transport transport);

}  // namespace load
