#include "upstream/source_errors.hpp"

#include "upstream/retry_after.hpp"

namespace upstream {

using execution::ErrorCategory;
using execution::UpstreamError;

UpstreamError::Details error_details(const Source& source, ErrorCategory category, std::string message,
                                     std::string next_step) {
  UpstreamError::Details d;
  d.category = category;
  d.source = source.name;
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  return d;
}

UpstreamError cancelled(const Source& source) {
  return UpstreamError(error_details(source, ErrorCategory::Cancelled, "the call was cancelled", ""));
}

UpstreamError::Details network_failure(const Source& source, const net::HttpResult& r, const std::string& what) {
  const std::string prefix = what.empty() ? "" : what + ": ";
  switch (r.failure) {
    case net::Failure::Timeout:
      return error_details(source, ErrorCategory::Timeout, prefix + source.name + " did not answer in time",
                           source.timeout_step);
    case net::Failure::Tls:
      return error_details(source, ErrorCategory::Network, prefix + "TLS failed: " + r.failure_detail,
                           "Check the system CA certificates (package ca-certificates) and " +
                               source.base_url_setting + ".");
    case net::Failure::TooLarge:
      return error_details(source, ErrorCategory::BadResponse, prefix + r.failure_detail, source.too_large_step);
    case net::Failure::Cancelled:
      return cancelled(source).details();
    default:
      return error_details(source, ErrorCategory::Network,
                           prefix + "could not reach " + source.name + ": " + net::to_string(r.failure) +
                               (r.failure_detail.empty() ? "" : " (" + r.failure_detail + ")"),
                           "Check the network connection and " + source.base_url_setting + ", then try again.");
  }
}

std::optional<StatusClass> shared_status(const Source& source, const net::HttpResult& r) {
  const int s = r.status;
  if (s >= 300 && s < 400) {
    return StatusClass{ErrorCategory::BadResponse,
                       "Check " + source.base_url_setting + ": it should point at the API itself."};
  }
  if (s == 429) {
    auto wait = retry_after(r);
    return StatusClass{ErrorCategory::RateLimited,
                       wait ? source.name + " asks to wait " + std::to_string((wait->count() + 999) / 1000) +
                                  " s: try again then."
                            : source.name + " is limiting requests: wait a minute and try again."};
  }
  if (s >= 500) {
    return StatusClass{ErrorCategory::Transient, source.name + " had a temporary problem: try again in a few minutes."};
  }
  return std::nullopt;
}

std::string sample(const std::string& body) {
  std::string s = body.substr(0, 200);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return body.size() > 200 ? s + "..." : s;
}

}  // namespace upstream
