#pragma once
// The load driver's command line.

#include <cstddef>
#include <string>

namespace load {

struct LoadOptions {
  long long calls = 10000;        // per transport
  std::size_t sessions = 64;      // concurrent Streamable HTTP sessions
  std::size_t in_flight = 256;    // unanswered calls at once over stdio
  int qps = 200;                  // the server's TIKTOK_MARKETING_RATE_LIMIT_QPS
  std::size_t fault_every = 100;  // one upstream request in this many is faulted
  std::size_t max_rss_mib = 64;   // the bound on the server's peak resident memory
  // How late a request may reach the fake after the limiter let it go: the rate is checked
  // over windows this much shorter than a second (sanitizer builds are slow enough to need it).
  int jitter_ms = 0;
  std::string binary;   // the server under test
  std::string log_dir;  // where the server logs are kept
  bool http = true;
  bool stdio = true;
};

// Throws std::invalid_argument with a message for a bad command line.
LoadOptions parse_options(int argc, char** argv, LoadOptions defaults);

extern const char* const kUsage;

}  // namespace load
