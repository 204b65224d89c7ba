#include "config/settings.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace config {

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool parse_bool(const std::string& raw) {
  std::string v = trim(raw);
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off" || v.empty()) return false;
  throw std::invalid_argument("expected true or false (also 1/0, yes/no, on/off)");
}

long long parse_int(const std::string& raw, long long min, long long max) {
  const std::string v = trim(raw);
  long long out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || v.empty()) {
    throw std::invalid_argument("expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  if (out < min || out > max) {
    throw std::invalid_argument("must be from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return out;
}

// A decimal number in (0, max], or in [0, max] when zero is allowed; `expected` says what to give.
double parse_decimal(const std::string& raw, double max, bool zero_allowed, const char* expected) {
  const std::string v = trim(raw);
  try {
    std::size_t used = 0;
    const double d = std::stod(v, &used);
    if (used == v.size() && (d > 0 || (zero_allowed && d == 0)) && d <= max) return d;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(expected);
}

double parse_positive(const std::string& raw) {
  return parse_decimal(raw, 100000, false, "expected a positive number such as 10 or 0.5");
}

double parse_positive_amount(const std::string& raw) {
  return parse_decimal(raw, 1e12, false, "expected a positive amount such as 500 or 1250.50");
}

double parse_percent(const std::string& raw) {
  return parse_decimal(raw, 10000, true, "expected a percentage from 0 to 10000, such as 50");
}

Secret parse_secret(const std::string& raw) {
  const std::string v = trim(raw);
  if (v.empty()) return Secret();
  for (unsigned char c : v) {
    if (c < 0x21 || c == 0x7f) {
      throw std::invalid_argument("contains whitespace or control characters; paste the value without them");
    }
  }
  if (v.size() < 8) throw std::invalid_argument("is too short to be a real credential (fewer than 8 characters)");
  return Secret(v);
}

std::string parse_plain(const std::string& raw) {
  const std::string v = trim(raw);
  for (unsigned char c : v) {
    if (c < 0x20 || c == 0x7f) throw std::invalid_argument("contains control characters");
  }
  return v;
}

std::string parse_digits(const std::string& raw) {
  const std::string v = trim(raw);
  if (!v.empty() && (v.size() > 30 || v.find_first_not_of("0123456789") != std::string::npos)) {
    throw std::invalid_argument("expected a numeric id (digits only), such as 7012345678901234567");
  }
  return v;
}

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// An http(s) base URL; plain http only to a loopback host, so a token never crosses a network
// in the clear.
std::string parse_base_url(const std::string& raw) {
  std::string v = parse_plain(raw);
  if (v.empty()) return v;
  std::string_view rest;
  bool secure = false;
  if (v.rfind("https://", 0) == 0) {
    secure = true;
    rest = std::string_view(v).substr(8);
  } else if (v.rfind("http://", 0) == 0) {
    rest = std::string_view(v).substr(7);
  } else {
    throw std::invalid_argument("expected a URL starting with https://");
  }
  auto host_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, host_end);
  if (authority.empty()) throw std::invalid_argument("the URL has no host");
  if (rest.find_first_of("?#") != std::string_view::npos) throw std::invalid_argument("the URL must not have a query");
  std::string_view host = authority;
  if (host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (!secure && !is_loopback_host(host)) {
    throw std::invalid_argument("plain http is allowed only for a loopback host (127.0.0.1, localhost); use https://");
  }
  while (!v.empty() && v.back() == '/') v.pop_back();
  return v;
}

std::string parse_path(const std::string& raw) {
  std::string v = parse_plain(raw);
  if (v.empty()) return v;
  if (v.back() == '/') throw std::invalid_argument("expected a file path, not a directory");
  return v;
}

std::vector<std::string> parse_list(const std::string& raw) {
  std::vector<std::string> out;
  std::string item;
  for (char c : raw + ",") {
    if (c == ',') {
      if (auto t = trim(item); !t.empty()) out.push_back(t);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

std::vector<Setting> build() {
  return {
      {"transport", "TIKTOK_MARKETING_TRANSPORT", "--transport", "stdio|http|sse",
       "How clients connect: stdio (default), Streamable HTTP on /mcp, or legacy HTTP+SSE on /sse.", false,
       [](Config& c, const std::string& v) {
         const std::string t = trim(v);
         if (t == "stdio") c.transport = Transport::Stdio;
         else if (t == "http") c.transport = Transport::Http;
         else if (t == "sse") c.transport = Transport::Sse;
         else throw std::invalid_argument("expected stdio, http or sse");
       }},
      {"host", "TIKTOK_MARKETING_HOST", "--host", "ADDRESS",
       "Address the HTTP transports bind to (default 127.0.0.1; any other address needs MCP_AUTH_TOKEN).", false,
       [](Config& c, const std::string& v) {
         const std::string h = parse_plain(v);
         if (h.empty()) throw std::invalid_argument("must not be empty");
         c.http.host = h;
       }},
      {"port", "TIKTOK_MARKETING_PORT", "--port", "PORT", "Port of the HTTP transports (default 8000; 0 picks a free one).",
       false, [](Config& c, const std::string& v) { c.http.port = static_cast<int>(parse_int(v, 0, 65535)); }},
      {"log_level", "TIKTOK_MARKETING_LOG_LEVEL", "--log-level", "debug|info|warning|error",
       "How much the server logs on stderr (default info).", false,
       [](Config& c, const std::string& v) {
         const std::string l = trim(v);
         if (l != "debug" && l != "info" && l != "warning" && l != "error") {
           throw std::invalid_argument("expected debug, info, warning or error");
         }
         c.log_level = *logging::parse_level(l);
       }},
      {"demo", "TIKTOK_MARKETING_DEMO", "--demo", "",
       "Serve the built-in sample account instead of calling TikTok (no credentials needed).", false,
       [](Config& c, const std::string& v) { c.demo = parse_bool(v); }},
      {"allow_writes", "TIKTOK_MARKETING_ALLOW_WRITES", "--allow-writes", "",
       "Serve tiktok_marketing_change (pause, enable, budgets, bids, paused creates; each previewed and confirmed). "
       "Off by default in direct mode, on in demo mode; never in hosted mode.",
       false, [](Config& c, const std::string& v) { c.writes.allow_writes = parse_bool(v); }},
      {"allow_delete", "TIKTOK_MARKETING_ALLOW_DELETE", "--allow-delete", "",
       "Also allow status DELETE (TikTok deletes cannot be undone). Needs writes on.", false,
       [](Config& c, const std::string& v) { c.writes.allow_delete = parse_bool(v); }},
      {"max_budget", "TIKTOK_MARKETING_MAX_BUDGET", "", "AMOUNT",
       "Largest budget a change may set, in the account currency (default: no cap beyond TikTok's).", false,
       [](Config& c, const std::string& v) { c.writes.max_budget = parse_positive_amount(v); }},
      {"max_budget_change_pct", "TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT", "", "PCT",
       "Most a budget may rise in one change, in percent (default 50).", false,
       [](Config& c, const std::string& v) { c.writes.max_budget_change_pct = parse_percent(v); }},
      {"max_bid_change_pct", "TIKTOK_MARKETING_MAX_BID_CHANGE_PCT", "", "PCT",
       "Most a bid may rise in one change, in percent (default 50).", false,
       [](Config& c, const std::string& v) { c.writes.max_bid_change_pct = parse_percent(v); }},
      {"audit_log", "TIKTOK_MARKETING_AUDIT_LOG", "--audit-log", "FILE",
       "Append every change sent to TikTok to this JSON-lines file, flushed before the tool answers.", false,
       [](Config& c, const std::string& v) { c.writes.audit_log = parse_path(v); }},
      {"access_token", "TIKTOK_MARKETING_ACCESS_TOKEN", "", "TOKEN",
       "TikTok Business API access token (direct mode). Sent only in the Access-Token header.", true,
       [](Config& c, const std::string& v) { c.tiktok.access_token = parse_secret(v); }},
      {"advertiser_id", "TIKTOK_MARKETING_ADVERTISER_ID", "", "ID",
       "Default advertiser for calls that do not name one.", false,
       [](Config& c, const std::string& v) { c.tiktok.advertiser_id = parse_digits(v); }},
      {"app_id", "TIKTOK_MARKETING_APP_ID", "", "ID",
       "TikTok developer app id; with the app secret it lets the advertiser_ids entity list reachable accounts.",
       false, [](Config& c, const std::string& v) { c.tiktok.app_id = parse_digits(v); }},
      {"app_secret", "TIKTOK_MARKETING_APP_SECRET", "", "SECRET", "TikTok developer app secret.", true,
       [](Config& c, const std::string& v) { c.tiktok.app_secret = parse_secret(v); }},
      {"sandbox", "TIKTOK_MARKETING_SANDBOX", "", "true|false",
       "Use the TikTok sandbox host (sandbox-ads.tiktok.com) instead of production.", false,
       [](Config& c, const std::string& v) { c.tiktok.sandbox = parse_bool(v); }},
      {"api_base_url", "TIKTOK_MARKETING_API_BASE_URL", "", "URL",
       "TikTok API base (default https://business-api.tiktok.com/open_api/v1.3).", false,
       [](Config& c, const std::string& v) { c.tiktok.api_base_url = parse_base_url(v); }},
      {"airbyte_client_id", "AIRBYTE_CLIENT_ID", "", "ID",
       "Airbyte application client id; with the secret it selects hosted mode.", false,
       [](Config& c, const std::string& v) { c.airbyte.client_id = parse_plain(v); }},
      {"airbyte_client_secret", "AIRBYTE_CLIENT_SECRET", "", "SECRET", "Airbyte application client secret.", true,
       [](Config& c, const std::string& v) { c.airbyte.client_secret = parse_secret(v); }},
      {"airbyte_external_user_id", "AIRBYTE_EXTERNAL_USER_ID", "", "ID",
       "Your identifier for the end user whose connectors hosted mode uses.", false,
       [](Config& c, const std::string& v) { c.airbyte.external_user_id = parse_plain(v); }},
      {"airbyte_organization_id", "AIRBYTE_ORGANIZATION_ID", "", "ID",
       "Airbyte organization, sent as X-Organization-Id (for multi-organization applications).", false,
       [](Config& c, const std::string& v) { c.airbyte.organization_id = parse_plain(v); }},
      {"airbyte_connector_id", "AIRBYTE_CONNECTOR_ID", "", "ID",
       "The hosted TikTok Marketing connector to execute against (default: the user's only one).", false,
       [](Config& c, const std::string& v) { c.airbyte.connector_id = parse_plain(v); }},
      {"airbyte_api_base_url", "AIRBYTE_API_BASE_URL", "", "URL", "Airbyte API base (default https://api.airbyte.ai).",
       false,
       [](Config& c, const std::string& v) {
         c.airbyte.api_base_url = parse_base_url(v);
         if (c.airbyte.api_base_url.empty()) c.airbyte.api_base_url = kDefaultAirbyteBaseUrl;
       }},
      {"auth_token", "MCP_AUTH_TOKEN", "", "TOKEN",
       "Bearer token HTTP clients must send (Authorization: Bearer ...).", true,
       [](Config& c, const std::string& v) { c.http.auth_token = parse_secret(v); }},
      {"allowed_origins", "TIKTOK_MARKETING_ALLOWED_ORIGINS", "--allowed-origins", "ORIGIN,...",
       "Extra Origin values the HTTP transports accept (localhost origins are always accepted).", false,
       [](Config& c, const std::string& v) { c.http.allowed_origins = parse_list(v); }},
      {"allowed_hosts", "TIKTOK_MARKETING_ALLOWED_HOSTS", "--allowed-hosts", "HOST,...",
       "Extra Host header names the HTTP transports accept (localhost names are always accepted).", false,
       [](Config& c, const std::string& v) { c.http.allowed_hosts = parse_list(v); }},
      {"max_sessions", "TIKTOK_MARKETING_MAX_SESSIONS", "", "N", "Most concurrent HTTP sessions (default 256).", false,
       [](Config& c, const std::string& v) { c.http.max_sessions = static_cast<std::size_t>(parse_int(v, 1, 100000)); }},
      {"session_idle_timeout_s", "TIKTOK_MARKETING_SESSION_IDLE_TIMEOUT_S", "", "SECONDS",
       "An HTTP session unused this long is ended (default 1800).", false,
       [](Config& c, const std::string& v) { c.http.session_idle_timeout = std::chrono::seconds(parse_int(v, 1, 604800)); }},
      {"http_threads", "TIKTOK_MARKETING_HTTP_THREADS", "", "N",
       "HTTP connections served at once; each open SSE stream holds one (default 256).", false,
       [](Config& c, const std::string& v) { c.http.threads = static_cast<std::size_t>(parse_int(v, 4, 4096)); }},
      {"sse_keepalive_ms", "TIKTOK_MARKETING_SSE_KEEPALIVE_MS", "", "MS",
       "A quiet SSE stream gets a comment line this often, which also detects clients that left (default 5000).",
       false,
       [](Config& c, const std::string& v) { c.http.sse_keepalive = std::chrono::milliseconds(parse_int(v, 50, 600000)); }},
      {"output_max_chars", "TIKTOK_MARKETING_OUTPUT_MAX_CHARS", "", "N",
       "Largest tool result in characters; beyond it whole records are left out and meta says how many (default "
       "100000).",
       false, [](Config& c, const std::string& v) { c.output_max_chars = static_cast<std::size_t>(parse_int(v, 1000, 100000000)); }},
      {"connect_timeout_ms", "TIKTOK_MARKETING_CONNECT_TIMEOUT_MS", "", "MS", "Upstream connect timeout (default 5000).",
       false, [](Config& c, const std::string& v) { c.upstream.connect_timeout = std::chrono::milliseconds(parse_int(v, 1, 600000)); }},
      {"read_timeout_ms", "TIKTOK_MARKETING_READ_TIMEOUT_MS", "", "MS", "Upstream read timeout (default 30000).", false,
       [](Config& c, const std::string& v) { c.upstream.read_timeout = std::chrono::milliseconds(parse_int(v, 1, 600000)); }},
      {"max_attempts", "TIKTOK_MARKETING_MAX_ATTEMPTS", "", "N",
       "Attempts per upstream request for transient errors, the first included (default 4).", false,
       [](Config& c, const std::string& v) { c.upstream.max_attempts = static_cast<int>(parse_int(v, 1, 20)); }},
      {"retry_budget_ms", "TIKTOK_MARKETING_RETRY_BUDGET_MS", "", "MS",
       "Most time one call may spend on retries and backoff (default 60000).", false,
       [](Config& c, const std::string& v) { c.upstream.retry_budget = std::chrono::milliseconds(parse_int(v, 0, 3600000)); }},
      {"rate_limit_qps", "TIKTOK_MARKETING_RATE_LIMIT_QPS", "", "N",
       "Upstream requests per second, client-side (default 10, TikTok's basic tier).", false,
       [](Config& c, const std::string& v) { c.upstream.rate_limit_qps = parse_positive(v); }},
      {"rate_limit_qpm", "TIKTOK_MARKETING_RATE_LIMIT_QPM", "", "N", "Upstream requests per minute (default 600).",
       false, [](Config& c, const std::string& v) { c.upstream.rate_limit_qpm = static_cast<int>(parse_int(v, 1, 1000000)); }},
      {"report_task_poll_ms", "TIKTOK_MARKETING_REPORT_TASK_POLL_MS", "", "MS",
       "First wait between two status checks of an async report task; it doubles up to 15 times that (default "
       "1000).",
       false, [](Config& c, const std::string& v) { c.upstream.report_task_poll = std::chrono::milliseconds(parse_int(v, 1, 60000)); }},
      {"report_task_timeout_ms", "TIKTOK_MARKETING_REPORT_TASK_TIMEOUT_MS", "", "MS",
       "Most time one call waits for an async report task; the task keeps running past it (default 600000).", false,
       [](Config& c, const std::string& v) { c.upstream.report_task_timeout = std::chrono::milliseconds(parse_int(v, 0, 3600000)); }},
      {"max_message_bytes", "TIKTOK_MARKETING_MAX_MESSAGE_BYTES", "", "BYTES",
       "Largest incoming protocol message (default 16777216).", false,
       [](Config& c, const std::string& v) { c.max_message_bytes = static_cast<std::size_t>(parse_int(v, 1024, 1LL << 31)); }},
      {"workers", "TIKTOK_MARKETING_WORKERS", "", "N", "Tool calls run at once (default 16).", false,
       [](Config& c, const std::string& v) { c.workers = static_cast<std::size_t>(parse_int(v, 1, 1024)); }},
  };
}

}  // namespace

const std::vector<Setting>& settings() {
  static const std::vector<Setting> table = build();
  return table;
}

const Setting* find_by_key(std::string_view key) {
  for (const auto& s : settings()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const Setting* find_by_flag(std::string_view flag) {
  for (const auto& s : settings()) {
    if (!s.flag.empty() && s.flag == flag) return &s;
  }
  return nullptr;
}

}  // namespace config
