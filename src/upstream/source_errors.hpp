#pragma once
// The UpstreamError texts every upstream shares, worded for the one that failed: a network or
// transport failure, the HTTP statuses whose meaning does not depend on the API (redirect,
// 429, 5xx), cancellation, and the short body sample quoted in messages. A Source names the
// upstream and the settings that point at it, so each text says exactly what to check.

#include <optional>
#include <string>

#include "execution/upstream_error.hpp"
#include "net/http_types.hpp"

namespace upstream {

struct Source {
  std::string name;              // "TikTok": in messages and in UpstreamError::Details::source
  std::string log_component;     // "tiktok": the logger component of its retries
  std::string base_url_setting;  // "TIKTOK_MARKETING_API_BASE_URL"
  std::string timeout_step;      // what to do when it did not answer in time
  std::string too_large_step;    // what to do when its answer exceeded the size limit
};

execution::UpstreamError::Details error_details(const Source& source, execution::ErrorCategory category,
                                                std::string message, std::string next_step);

execution::UpstreamError cancelled(const Source& source);

// A failed exchange (!result.ok()). `what` ("list connectors"), when given, opens the message.
execution::UpstreamError::Details network_failure(const Source& source, const net::HttpResult& result,
                                                  const std::string& what = {});

struct StatusClass {
  execution::ErrorCategory category;
  std::string next_step;
};

// The category and next step of a redirect, a 429 (with the wait Retry-After asks for) or a
// 5xx; nullopt for any other status, which each API reads its own way.
std::optional<StatusClass> shared_status(const Source& source, const net::HttpResult& result);

// The first 200 characters of a body on one line, "..." when cut.
std::string sample(const std::string& body);

}  // namespace upstream
