#pragma once
// Throughput over Streamable HTTP: `sessions` clients, each with its own MCP session on its own
// keep-alive connection, call in a closed loop (the next call when the last one is answered);
// the figure is completed calls per second over a fixed time, after a warm-up.

#include <chrono>

#include <nlohmann/json.hpp>

namespace bench {

struct LoadResult {
  double calls_per_second = 0;
  long long calls = 0;
  long long failures = 0;
};

LoadResult closed_loop(int port, int sessions, const nlohmann::json& call, std::chrono::milliseconds duration,
                       std::chrono::milliseconds warmup = std::chrono::milliseconds(500));

}  // namespace bench
