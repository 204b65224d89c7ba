#include "servers.hpp"

namespace bench {

namespace {

using nlohmann::json;

std::map<std::string, std::string> direct_mode(const Setup& setup) {
  return {{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken},
          {"TIKTOK_MARKETING_ADVERTISER_ID", kAdvertiserId},
          {"TIKTOK_MARKETING_API_BASE_URL", setup.upstream_url},
          {"TIKTOK_MARKETING_RATE_LIMIT_QPS", "100000"},
          {"TIKTOK_MARKETING_RATE_LIMIT_QPM", "1000000"},
          {"TIKTOK_MARKETING_OUTPUT_MAX_CHARS", "100000000"}};
}

}  // namespace

Command ours_stdio(const Setup& setup) { return {{setup.binary}, direct_mode(setup)}; }

Command ours_http(const Setup& setup, int port) {
  auto env = direct_mode(setup);
  env["TIKTOK_MARKETING_TRANSPORT"] = "http";
  env["TIKTOK_MARKETING_PORT"] = std::to_string(port);
  return {{setup.binary}, env};
}

Command reference_stdio(const Setup& setup) { return {setup.reference, {}}; }

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
