#include "servers.hpp"

#include <string_view>

#include "support/mcp_messages.hpp"

extern char** environ;

namespace bench {

namespace {

using nlohmann::json;
using Environment = std::map<std::string, std::string>;

bool read_by_server(std::string_view name) {
  for (std::string_view prefix : {"TIKTOK_MARKETING_", "AIRBYTE_", "MCP_"}) {
    if (name.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

Environment inherited_with(const Environment& extra) {
  Environment env;
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const auto equals = entry.find('=');
    const std::string name(entry.substr(0, equals));
    if (!read_by_server(name) && equals != std::string_view::npos) env[name] = entry.substr(equals + 1);
  }
  for (const auto& [name, value] : extra) env[name] = value;
  return env;
}

Environment direct_mode(const Setup& setup) {
  return inherited_with({{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken},
                         {"TIKTOK_MARKETING_ADVERTISER_ID", kAdvertiserId},
                         {"TIKTOK_MARKETING_API_BASE_URL", setup.upstream_url},
                         {"TIKTOK_MARKETING_RATE_LIMIT_QPS", "100000"},
                         {"TIKTOK_MARKETING_RATE_LIMIT_QPM", "1000000"},
                         {"TIKTOK_MARKETING_OUTPUT_MAX_CHARS", "100000000"}});
}

}  // namespace

test::Command ours_stdio(const Setup& setup) { return {{setup.binary}, direct_mode(setup)}; }

test::Command ours_http(const Setup& setup, const std::string& stderr_path) {
  return {{setup.binary, "--transport", "http", "--host", "127.0.0.1", "--port", "0"}, direct_mode(setup), stderr_path};
}

test::Command reference_stdio(const Setup& setup) { return {setup.reference, inherited_with({})}; }

json initialize_params() { return test::initialize_params("2025-06-18", "tmm-bench"); }

json list_campaigns_call() {
  return {{"name", "tiktok_marketing_execute"}, {"arguments", {{"entity", "campaigns"}, {"action", "list"}}}};
}

json report_page_call() {
  return {{"name", "tiktok_marketing_execute"},
          {"arguments",
           {{"entity", "campaigns_reports_daily"},
            {"action", "list"},
            {"params", {{"start_date", "2026-10-01"}, {"end_date", "2026-10-10"}}}}}};
}

json ours_simple_call() { return {{"name", "tiktok_marketing_describe"}, {"arguments", {{"entity", "advertisers"}}}}; }

json reference_simple_call() { return {{"name", "echo"}, {"arguments", {{"message", "hello"}}}}; }

}  // namespace bench
