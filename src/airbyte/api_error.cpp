#include "airbyte/api_error.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include <nlohmann/json.hpp>

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;
using nlohmann::json;

struct FieldError {
  std::string field;
  std::string message;
};

struct Envelope {
  std::string message;
  std::vector<FieldError> errors;
  std::string request_id;
};

std::string sample(const std::string& body) {
  std::string s = body.substr(0, 200);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return body.size() > 200 ? s + "..." : s;
}

std::string text_of(const json& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// FastAPI names a field by its location, e.g. ["body", "replication_config", "start_date"].
std::string field_of_location(const json& loc) {
  std::string field;
  for (const auto& part : loc) {
    std::string name = part.is_string() ? part.get<std::string>() : part.dump();
    if (field.empty() && (name == "body" || name == "query" || name == "path")) continue;
    field += (field.empty() ? "" : ".") + name;
  }
  return field;
}

void add_field_errors(const json& list, Envelope& e) {
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    FieldError f;
    f.field = text_of(item, "field");
    if (f.field.empty() && item.contains("loc") && item["loc"].is_array()) f.field = field_of_location(item["loc"]);
    f.message = text_of(item, "message");
    if (f.message.empty()) f.message = text_of(item, "msg");
    if (!f.field.empty() || !f.message.empty()) e.errors.push_back(std::move(f));
  }
}

Envelope parse_envelope(const net::HttpResult& r) {
  Envelope e;
  json body = json::parse(r.body, nullptr, false);
  if (body.is_object()) {
    e.message = text_of(body, "message");
    if (e.message.empty()) e.message = text_of(body, "error");
    if (e.message.empty()) e.message = text_of(body, "detail");
    if (auto it = body.find("errors"); it != body.end() && it->is_array()) add_field_errors(*it, e);
    if (auto it = body.find("detail"); it != body.end() && it->is_array()) add_field_errors(*it, e);
    e.request_id = text_of(body, "request_id");
  }
  if (e.message.empty() && e.errors.empty()) e.message = r.body.empty() ? "(empty body)" : sample(r.body);
  if (e.request_id.empty()) e.request_id = r.header("x-request-id").value_or("");
  return e;
}

std::string describe(const Envelope& e) {
  std::string text = e.message;
  std::string fields;
  for (const auto& f : e.errors) {
    fields += (fields.empty() ? "" : "; ") + (f.field.empty() ? f.message : f.field + ": " + f.message);
  }
  if (fields.empty()) return text;
  return text.empty() ? fields : text + " (" + fields + ")";
}

std::string may_have_taken_effect() {
  return " The request reached Airbyte, so it may have taken effect: call tiktok_marketing_connector_list before "
         "trying again, so as not to create a duplicate.";
}

UpstreamError::Details base(const ErrorContext& c) {
  UpstreamError::Details d;
  d.source = "Airbyte";
  d.attempts = c.attempts;
  return d;
}

struct StatusClass {
  ErrorCategory category;
  std::string next_step;
};

StatusClass classify_status(int status, const std::string& field, const net::HttpResult& r) {
  const std::string fix = field.empty() ? "Check the arguments and call again." : "Fix " + field + " and call again.";
  if (status == 400 || status == 409 || status == 422) return {ErrorCategory::InvalidParams, fix};
  if (status == 401) {
    return {ErrorCategory::Auth,
            "Airbyte rejected the application credentials: check AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (an "
            "Airbyte application's client id and secret) and restart the server."};
  }
  if (status == 403) {
    return {ErrorCategory::Permission,
            "The Airbyte application may not access this: check AIRBYTE_ORGANIZATION_ID (needed when the "
            "application belongs to several organizations) and that the connector belongs to this organization."};
  }
  if (status == 404) {
    return {ErrorCategory::NotFound,
            "Check the id: tiktok_marketing_connector_list shows the connectors that exist (for "
            "AIRBYTE_EXTERNAL_USER_ID or the external_user_id given)."};
  }
  if (status == 429) {
    auto wait = retry_after(r);
    return {ErrorCategory::RateLimited,
            wait ? "Airbyte asks to wait " + std::to_string((wait->count() + 999) / 1000) + " s: try again then."
                 : "Airbyte is limiting requests: wait a minute and try again."};
  }
  if (status >= 500) {
    return {ErrorCategory::Transient, "Airbyte had a temporary problem: try again in a few minutes."};
  }
  if (status >= 300 && status < 400) {
    return {ErrorCategory::BadResponse, "Check AIRBYTE_API_BASE_URL: it should point at the API itself."};
  }
  return {ErrorCategory::Upstream, fix};
}

UpstreamError network_error(const net::HttpResult& r, const ErrorContext& c) {
  UpstreamError::Details d = base(c);
  switch (r.failure) {
    case net::Failure::Timeout:
      d.category = ErrorCategory::Timeout;
      d.message = c.what + ": Airbyte did not answer in time";
      d.next_step = "Try again; if it keeps happening, ask for less data (smaller page_size or limit).";
      break;
    case net::Failure::Tls:
      d.category = ErrorCategory::Network;
      d.message = c.what + ": TLS failed: " + r.failure_detail;
      d.next_step = "Check the system CA certificates (package ca-certificates) and AIRBYTE_API_BASE_URL.";
      break;
    case net::Failure::TooLarge:
      d.category = ErrorCategory::BadResponse;
      d.message = c.what + ": " + r.failure_detail;
      d.next_step = "Ask for less data: a smaller page_size or limit, or fewer fields.";
      break;
    case net::Failure::Cancelled:
      d.category = ErrorCategory::Cancelled;
      d.message = "the call was cancelled";
      break;
    default:
      d.category = ErrorCategory::Network;
      d.message = c.what + ": could not reach Airbyte: " + net::to_string(r.failure) +
                  (r.failure_detail.empty() ? "" : " (" + r.failure_detail + ")");
      d.next_step = "Check the network connection and AIRBYTE_API_BASE_URL, then try again.";
  }
  const bool maybe_sent = r.failure == net::Failure::Timeout || r.failure == net::Failure::ConnectionLost ||
                          r.failure == net::Failure::Other;
  if (!c.idempotent && maybe_sent) d.next_step += may_have_taken_effect();
  return UpstreamError(std::move(d));
}

}  // namespace

UpstreamError api_error(const net::HttpResult& r, const ErrorContext& c) {
  if (!r.ok()) return network_error(r, c);
  const Envelope e = parse_envelope(r);
  UpstreamError::Details d = base(c);
  d.http_status = r.status;
  d.request_id = e.request_id;
  d.field = e.errors.empty() ? "" : e.errors.front().field;
  d.message = c.what + ": " + describe(e);
  StatusClass s = classify_status(r.status, d.field, r);
  d.category = s.category;
  d.next_step = std::move(s.next_step);
  if (!c.idempotent && r.status >= 500) d.next_step += may_have_taken_effect();
  return UpstreamError(std::move(d));
}

std::optional<std::chrono::milliseconds> retry_after(const net::HttpResult& r) {
  auto value = r.header("retry-after");
  if (!value) return std::nullopt;
  long long seconds = -1;
  auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
  if (ec != std::errc() || ptr != value->data() + value->size() || seconds < 0) return std::nullopt;
  // Capped at a day, beyond any retry budget, so that seconds * 1000 cannot overflow.
  constexpr long long kMaxSeconds = 24 * 60 * 60;
  return std::chrono::milliseconds(std::min(seconds, kMaxSeconds) * 1000);
}

}  // namespace airbyte
