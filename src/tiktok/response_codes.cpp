#include "tiktok/response_codes.hpp"

#include <initializer_list>

namespace tiktok {

namespace {

using execution::ErrorCategory;
using upstream::Verdict;

bool in(long long code, std::initializer_list<long long> codes) {
  for (long long c : codes) {
    if (c == code) return true;
  }
  return false;
}

const char* kFixParams = "Correct the parameter named in TikTok's message and call again.";
const char* kNewToken =
    "The access token is missing, expired or revoked: generate a new one in the TikTok developer portal, set "
    "TIKTOK_MARKETING_ACCESS_TOKEN and restart the server. Retrying will not help.";
const char* kPermission =
    "The token has no access to this advertiser or operation: check that the advertiser id is one the token can "
    "reach (entity advertiser_ids lists them) and that the app has the needed scope (Ads Management, Reporting) "
    "in the TikTok developer portal.";
const char* kRateLimited =
    "TikTok's rate limit was hit and retries with backoff did not clear it: wait a minute, then ask for fewer "
    "pages or a narrower range.";
const char* kTransient = "TikTok had a temporary problem and retries did not clear it: try again in a few minutes.";

}  // namespace

bool is_success(long long code) { return code == kOk || code == kPartialOk; }

CodeClass classify_code(long long code) {
  if (in(code, {40000, 40002, 40006, 40051, 40700})) return {ErrorCategory::InvalidParams, Verdict::Done, kFixParams};
  if (code == 40011) {
    return {ErrorCategory::InvalidParams, Verdict::Done, "Too many ids in one request: pass fewer ids (at most 100)."};
  }
  if (code == 40067) {
    return {ErrorCategory::InvalidParams, Verdict::Done,
            "The query is too large: shorten the date range, use fewer dimensions or metrics, or a smaller page_size."};
  }
  if (code == 40050) {
    return {ErrorCategory::InvalidParams, Verdict::Done, "TikTok rejected a duplicated request; check the current state first."};
  }
  if (in(code, {40102, 40103, 40104, 40105, 40107, 40110})) return {ErrorCategory::Auth, Verdict::Done, kNewToken};
  if (in(code, {40101, 40113})) {
    return {ErrorCategory::Auth, Verdict::Done,
            "The app id and secret do not match (or the app is blocked): check TIKTOK_MARKETING_APP_ID and "
            "TIKTOK_MARKETING_APP_SECRET."};
  }
  if (in(code, {40001, 40003, 40118, 40119, 40124, 40125, 40130, 40131})) {
    return {ErrorCategory::Permission, Verdict::Done, kPermission};
  }
  if (in(code, {40007, 40300, 40301})) {
    return {ErrorCategory::NotFound, Verdict::Done,
            "The advertiser or object does not exist or was deleted: check the id (entity advertiser_ids lists "
            "reachable advertisers)."};
  }
  if (in(code, {40100, 40016, 40132, 40133, 61000})) return {ErrorCategory::RateLimited, Verdict::RetrySafe, kRateLimited};
  if (code == 50000 || code == 50002 || code == 60001 || (code >= 51000 && code < 53000)) {
    return {ErrorCategory::Transient, Verdict::RetryIfIdempotent, kTransient};
  }
  if (in(code, {40008, 40009, 40013, 40014})) {
    return {ErrorCategory::Unsupported, Verdict::Done,
            "TikTok does not offer this here (several endpoints are unavailable in the sandbox): use production "
            "or another entity."};
  }
  if (code == 40010) {
    return {ErrorCategory::NotConfigured, Verdict::Done,
            "TikTok refused the API host: check TIKTOK_MARKETING_API_BASE_URL and TIKTOK_MARKETING_SANDBOX."};
  }
  if (in(code, {41001, 41002})) {
    return {ErrorCategory::Unsupported, Verdict::Done, "TikTok retired this endpoint or field; use another entity or field."};
  }
  return {ErrorCategory::Upstream, Verdict::Done, "Read TikTok's message; if it persists, contact TikTok support with the request_id."};
}

}  // namespace tiktok
