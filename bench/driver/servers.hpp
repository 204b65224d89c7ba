#pragma once
// How the benchmarks start the servers they compare: ours in direct mode against the fake
// TikTok API (client-side rate limits raised so the limiter never waits, and the output bound
// raised so a 1,000-row page is shaped whole, not truncated), and the reference server.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "support/canaries.hpp"

namespace bench {

// A canary, like every credential the tests use: scripts/check-canaries.sh would spot a leak.
inline constexpr const char* kToken = canary::kTikTokAccessToken;
inline constexpr const char* kAdvertiserId = "7100000000000000001";

struct Setup {
  std::string binary;                  // our server
  std::vector<std::string> reference;  // the reference server's command line (empty: not compared)
  std::string upstream_url;            // the fake TikTok API
};

Command ours_stdio(const Setup& setup);
Command ours_http(const Setup& setup, int port);
Command reference_stdio(const Setup& setup);

// The tools/call arguments each benchmark sends.
nlohmann::json list_campaigns_call();   // tiktok_marketing_execute: 100 campaigns, one page
nlohmann::json report_page_call();      // tiktok_marketing_execute: a 1,000-row daily report page
nlohmann::json ours_simple_call();      // tiktok_marketing_describe of one entity: no upstream call
nlohmann::json reference_simple_call(); // server-everything's echo

}  // namespace bench
