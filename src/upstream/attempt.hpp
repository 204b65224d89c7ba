#pragma once
// What one attempt of an upstream call tells the retry loop. Done: it succeeded, or failed in
// a way a repeat will not mend. RetrySafe: it failed before anything took effect (the
// connection could not be opened, HTTP 429, a rate-limit code in the body), so even a create
// may be sent again. RetryIfIdempotent: it failed after the request may have reached the
// upstream and taken effect (timeout, connection lost, 5xx, a garbled 2xx body, a system
// error code), so only a call that is harmless to repeat is sent again.

#include <chrono>
#include <optional>
#include <string>

#include "net/http_types.hpp"
#include "upstream/retry_policy.hpp"

namespace upstream {

enum class Verdict { Done, RetrySafe, RetryIfIdempotent };

struct Attempt {
  Verdict verdict = Verdict::Done;
  std::optional<std::chrono::milliseconds> retry_after;  // the wait the upstream asked for
  std::string note;                                      // names the failure in the retry log
};

// The verdict on an exchange by its transport failure and HTTP status alone, with the wait
// Retry-After asks for on a 429 or 503. A source whose body says more (TikTok's codes) refines it.
Attempt classify(const net::HttpResult& result);

// Whether a call of this idempotency may be repeated after an attempt with this verdict.
bool may_retry(Verdict verdict, Idempotency idempotency);

// Whether a call that ended with this verdict may have taken effect without its caller
// learning so: a non-idempotent call that failed after it may have reached the upstream.
bool outcome_unknown(Verdict verdict, Idempotency idempotency);

}  // namespace upstream
