#pragma once
// How the benchmarks start the servers they compare: ours in direct mode against the fake
// TikTok API (client-side rate limits raised so the limiter never waits, and the output bound
// raised so a 1,000-row page is shaped whole, not truncated), and the reference server. Each
// gets this process's environment less every variable ours would read (TIKTOK_MARKETING_*,
// AIRBYTE_*, MCP_*), plus its own.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/canaries.hpp"
#include "support/child_process.hpp"

namespace bench {

// A canary, like every credential the tests use: scripts/check-canaries.sh would spot a leak.
inline constexpr const char* kToken = canary::kTikTokAccessToken;
inline constexpr const char* kAdvertiserId = "7100000000000000001";

struct Setup {
  std::string binary;                  // our server
  std::vector<std::string> reference;  // the reference server's command line (empty: not compared)
  std::string upstream_url;            // the fake TikTok API
};

test::Command ours_stdio(const Setup& setup);
// Streamable HTTP on a port of its choosing (--port 0), which its banner on `stderr_path` names.
test::Command ours_http(const Setup& setup, const std::string& stderr_path);
test::Command reference_stdio(const Setup& setup);

// The initialize params every benchmark sends (the newest protocol both servers speak).
nlohmann::json initialize_params();

// The tools/call arguments each benchmark sends.
nlohmann::json list_campaigns_call();   // tiktok_marketing_execute: 100 campaigns, one page
nlohmann::json report_page_call();      // tiktok_marketing_execute: a 1,000-row daily report page
nlohmann::json ours_simple_call();      // tiktok_marketing_describe of one entity: no upstream call
nlohmann::json reference_simple_call(); // server-everything's echo

}  // namespace bench
