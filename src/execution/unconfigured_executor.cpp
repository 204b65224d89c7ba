#include "execution/unconfigured_executor.hpp"

#include "execution/upstream_error.hpp"

namespace execution {

const char* UnconfiguredExecutor::help() {
  return "No TikTok credentials are configured. For direct mode set TIKTOK_MARKETING_ACCESS_TOKEN (and "
         "TIKTOK_MARKETING_ADVERTISER_ID for a default advertiser); for hosted mode set AIRBYTE_CLIENT_ID and "
         "AIRBYTE_CLIENT_SECRET (and AIRBYTE_EXTERNAL_USER_ID). Or start the server with --demo to try the sample "
         "account. Then restart the server.";
}

Page UnconfiguredExecutor::fetch(const Target&, const json&, const CallContext&) {
  UpstreamError::Details d;
  d.category = ErrorCategory::NotConfigured;
  d.source = "";
  d.message = "the server has no credentials, so it cannot reach TikTok";
  d.next_step = help();
  throw UpstreamError(d);
}

CheckReport UnconfiguredExecutor::check(const CallContext&) {
  CheckReport r;
  r.details["error"] = help();
  return r;
}

}  // namespace execution
