#pragma once
// Latencies over stdio, as a client feels them: process start to the initialize response, and
// one request's round trip on an open session.

#include <string>

#include <nlohmann/json.hpp>

#include "stats.hpp"
#include "support/stdio_client.hpp"

namespace bench {

// Start the process, write initialize at once (the pipe holds it until the server reads) and
// stop the clock when the response line has arrived. Each run is a new process; closing it is
// not timed. The first `warmup` runs (page cache, dynamic loader) are not counted.
Summary startup_ms(const test::Command& server, int runs, int warmup = 3);

// `runs` round trips of one request on an open session, after `warmup` untimed ones.
Summary request_ms(test::StdioClient& client, const std::string& method, const nlohmann::json& params, int runs,
                   int warmup = 20);

}  // namespace bench
