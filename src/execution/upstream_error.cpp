#include "execution/upstream_error.hpp"

#include "log/redactor.hpp"

namespace execution {

namespace {

std::string summary(const UpstreamError::Details& d) {
  std::string text = (d.source.empty() ? std::string("Error") : d.source + " error") + " (" + to_string(d.category) + ")";
  if (d.code) text += ", code " + std::to_string(*d.code);
  if (d.http_status != 0 && d.http_status != 200) text += ", HTTP " + std::to_string(d.http_status);
  return text + ": " + d.message;
}

}  // namespace

const char* to_string(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::InvalidParams: return "invalid parameters";
    case ErrorCategory::Auth: return "authentication";
    case ErrorCategory::Permission: return "permission";
    case ErrorCategory::NotFound: return "not found";
    case ErrorCategory::RateLimited: return "rate limited";
    case ErrorCategory::Transient: return "temporary upstream failure";
    case ErrorCategory::Network: return "network";
    case ErrorCategory::Timeout: return "timeout";
    case ErrorCategory::BadResponse: return "unexpected response";
    case ErrorCategory::NotConfigured: return "not configured";
    case ErrorCategory::Unsupported: return "not supported";
    case ErrorCategory::Cancelled: return "cancelled";
    case ErrorCategory::Upstream: return "upstream error";
  }
  return "upstream error";
}

UpstreamError::UpstreamError(Details details) : std::runtime_error(summary(details)), details_(std::move(details)) {}

std::string UpstreamError::describe() const {
  std::string text = what();
  if (!details_.field.empty()) text += "\nParameter: " + details_.field;
  if (!details_.request_id.empty()) text += "\nrequest_id: " + details_.request_id;
  if (details_.attempts > 1) text += "\nAttempts: " + std::to_string(details_.attempts);
  if (details_.outcome_unknown) {
    text += "\nOutcome: unknown. The request may have reached " +
            (details_.source.empty() ? std::string("the upstream") : details_.source) +
            " and been applied; check before sending it again.";
  }
  if (!details_.next_step.empty()) text += "\nWhat to do: " + details_.next_step;
  return logging::redact(std::move(text));  // an upstream may echo a credential back
}

}  // namespace execution
