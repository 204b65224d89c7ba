#pragma once
// TikTok's body codes (errors arrive as HTTP 200 with a non-zero "code"), classified from the
// official SDK's code table: what category each is, whether and when retrying can help, what to do.

#include <string>

#include "execution/upstream_error.hpp"
#include "upstream/attempt.hpp"

namespace tiktok {

struct CodeClass {
  execution::ErrorCategory category;
  // RetrySafe for rate limits (refused, nothing applied); RetryIfIdempotent for system
  // errors, after which a write may or may not have been applied.
  upstream::Verdict verdict;
  std::string next_step;
};

inline constexpr long long kOk = 0;
inline constexpr long long kPartialOk = 20001;

bool is_success(long long code);
CodeClass classify_code(long long code);

}  // namespace tiktok
