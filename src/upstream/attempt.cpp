#include "upstream/attempt.hpp"

#include "upstream/retry_after.hpp"

namespace upstream {

namespace {

Verdict of_failure(net::Failure failure) {
  switch (failure) {
    case net::Failure::ConnectFailed: return Verdict::RetrySafe;  // nothing was sent
    case net::Failure::Timeout:
    case net::Failure::ConnectionLost:
    case net::Failure::Other: return Verdict::RetryIfIdempotent;
    default: return Verdict::Done;  // TLS, too large, cancelled: a repeat ends the same way
  }
}

Verdict of_status(int status) {
  if (status == 429) return Verdict::RetrySafe;  // refused before any effect
  if (status >= 500) return Verdict::RetryIfIdempotent;
  return Verdict::Done;
}

}  // namespace

Attempt classify(const net::HttpResult& result) {
  Attempt a;
  if (!result.ok()) {
    a.verdict = of_failure(result.failure);
    a.note = net::to_string(result.failure);
    return a;
  }
  a.verdict = of_status(result.status);
  a.note = "HTTP " + std::to_string(result.status);
  if (result.status == 429 || result.status == 503) a.retry_after = retry_after(result);
  return a;
}

bool may_retry(Verdict verdict, Idempotency idempotency) {
  switch (verdict) {
    case Verdict::Done: return false;
    case Verdict::RetrySafe: return true;
    case Verdict::RetryIfIdempotent: return idempotency == Idempotency::Idempotent;
  }
  return false;
}

bool outcome_unknown(Verdict verdict, Idempotency idempotency) {
  return verdict == Verdict::RetryIfIdempotent && idempotency == Idempotency::NonIdempotent;
}

}  // namespace upstream
