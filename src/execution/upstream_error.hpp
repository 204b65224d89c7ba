#pragma once
// Why an upstream call failed, in terms a model can act on: the category, the upstream's own
// code, message and request id, and what to do next.

#include <optional>
#include <stdexcept>
#include <string>

namespace execution {

enum class ErrorCategory {
  InvalidParams,   // the request was wrong: fix the parameters
  Auth,            // the credential is missing, expired or revoked
  Permission,      // the credential lacks access or scope
  NotFound,        // the object or advertiser does not exist
  RateLimited,     // too many requests; retried, then given up
  Transient,       // an upstream fault that may pass; retried, then given up
  Network,         // could not reach the upstream or the connection broke
  Timeout,         // the upstream did not answer in time
  BadResponse,     // the upstream answered with something that is not its API's shape
  NotConfigured,   // the server lacks the configuration this needs
  Unsupported,     // not available in this mode
  Cancelled,       // the caller cancelled
  Upstream,        // any other upstream error
};

const char* to_string(ErrorCategory category);

class UpstreamError : public std::runtime_error {
 public:
  struct Details {
    ErrorCategory category = ErrorCategory::Upstream;
    std::string source;          // "TikTok", "Airbyte", or empty for the server's own refusals
    std::optional<long long> code;
    std::string message;         // the upstream's (or our) description
    std::string request_id;
    int http_status = 0;
    int attempts = 1;
    std::string next_step;       // what the model or user should do
    std::string field;           // the parameter at fault, when known
    bool outcome_unknown = false;  // a write failed after it may have reached the upstream and taken effect
  };

  explicit UpstreamError(Details details);
  const Details& details() const { return details_; }
  ErrorCategory category() const { return details_.category; }

  // The text of an error result: category, code, message, request id, next step.
  std::string describe() const;

 private:
  Details details_;
};

}  // namespace execution
