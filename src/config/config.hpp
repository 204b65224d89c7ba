#pragma once
// Everything the server can be told, with its defaults. Filled by load() from the environment,
// then a JSON config file, then command-line flags (each overriding the one before).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/secret.hpp"
#include "log/level.hpp"

namespace config {

enum class Transport { Stdio, Http, Sse };
// Which upstream answers tool calls: resolved from the credentials and --demo.
enum class Mode { Unconfigured, Demo, Direct, Hosted };

std::string_view to_string(Transport transport);
std::string_view to_string(Mode mode);

inline constexpr const char* kDefaultTikTokBaseUrl = "https://business-api.tiktok.com/open_api/v1.3";
inline constexpr const char* kSandboxTikTokBaseUrl = "https://sandbox-ads.tiktok.com/open_api/v1.3";
inline constexpr const char* kDefaultAirbyteBaseUrl = "https://api.airbyte.ai";

struct TikTokSettings {
  Secret access_token;
  std::string advertiser_id;  // the default for params.advertiser_id
  std::string app_id;
  Secret app_secret;
  bool sandbox = false;
  std::string api_base_url;  // empty: production or sandbox host by `sandbox`
};

struct AirbyteSettings {
  std::string client_id;
  Secret client_secret;
  std::string external_user_id;
  std::string organization_id;
  std::string connector_id;
  std::string api_base_url = kDefaultAirbyteBaseUrl;
};

struct HttpSettings {
  std::string host = "127.0.0.1";
  int port = 8000;
  Secret auth_token;                          // MCP_AUTH_TOKEN: required bearer token
  std::vector<std::string> allowed_origins;   // empty: localhost names only
  std::vector<std::string> allowed_hosts;     // empty: localhost names only
  std::size_t max_sessions = 256;
  std::chrono::seconds session_idle_timeout{1800};
  std::size_t threads = 256;                       // connections served at once (each SSE stream holds one)
  std::chrono::milliseconds sse_keepalive{5000};  // comment line on a quiet SSE stream
};

struct UpstreamSettings {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds read_timeout{30000};
  int max_attempts = 4;                         // per upstream request, first try included
  std::chrono::milliseconds retry_budget{60000};  // total time a call may spend retrying
  double rate_limit_qps = 10;
  int rate_limit_qpm = 600;
  std::chrono::milliseconds report_task_poll{1000};      // first wait between two checks of an async report task
  std::chrono::milliseconds report_task_timeout{600000};  // most time one call waits for an async report task
};

struct WriteSettings {
  std::optional<bool> allow_writes;   // unset: on in demo mode, off otherwise
  bool allow_delete = false;
  std::optional<double> max_budget;   // absolute cap, account currency
  double max_budget_change_pct = 50;  // most a budget may rise in one change
  double max_bid_change_pct = 50;     // most a bid may rise in one change
  std::string audit_log;              // JSONL file of applied changes, or empty
};

struct Config {
  Transport transport = Transport::Stdio;
  logging::Level log_level = logging::Level::Info;
  bool demo = false;
  TikTokSettings tiktok;
  AirbyteSettings airbyte;
  HttpSettings http;
  UpstreamSettings upstream;
  WriteSettings writes;
  std::size_t output_max_chars = 100000;
  std::size_t max_message_bytes = 16 * 1024 * 1024;
  std::size_t workers = 16;

  Mode mode() const;
  // Whether tiktok_marketing_change is served: asked for (or demo mode), and a mode that can write.
  bool writes_enabled() const;
  // The TikTok API base without a trailing slash.
  std::string tiktok_base_url() const;
};

}  // namespace config
