#pragma once
// The time an execute call adds above the upstream's own time. Each run times the tools/call
// over stdio, then the very request the server sent upstream (read from the fake's log),
// replayed from here on a keep-alive connection: the paired difference is what the server
// adds (JSON-RPC in and out, validation, building the request, parsing, flattening, shaping).

#include <nlohmann/json.hpp>

#include "fakes/fake_tiktok_server.hpp"
#include "stats.hpp"
#include "support/stdio_client.hpp"

namespace bench {

struct Overhead {
  Summary call;      // tools/call round trip
  Summary upstream;  // the replayed upstream request alone
  Summary added;     // call minus upstream, run by run
  std::size_t records = 0;
  std::size_t response_bytes = 0;  // the tool result's text
};

Overhead execute_overhead(test::StdioClient& client, fakes::FakeTikTokServer& fake, const nlohmann::json& call,
                          int runs, int warmup = 10);

nlohmann::json to_json(const Overhead& o);

}  // namespace bench
