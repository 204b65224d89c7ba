#include "airbyte/api_error.hpp"

#include <vector>

#include <nlohmann/json.hpp>

#include "upstream/attempt.hpp"

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
  if (e.message.empty() && e.errors.empty()) e.message = r.body.empty() ? "(empty body)" : upstream::sample(r.body);
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

// A failure the retry loop would repeat only for an idempotent call, ending a call that is not.
bool outcome_unknown(const net::HttpResult& r, const ErrorContext& c) {
  return upstream::outcome_unknown(upstream::classify(r).verdict, c.idempotency);
}

upstream::StatusClass classify_status(int status, const std::string& field, const net::HttpResult& r) {
  if (auto shared = upstream::shared_status(airbyte_source(), r)) return std::move(*shared);
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
  return {ErrorCategory::Upstream, fix};
}

UpstreamError network_error(const net::HttpResult& r, const ErrorContext& c) {
  UpstreamError::Details d = upstream::network_failure(airbyte_source(), r, c.what);
  d.attempts = c.attempts;
  d.outcome_unknown = outcome_unknown(r, c);
  if (d.outcome_unknown) d.next_step += may_have_taken_effect();
  return UpstreamError(std::move(d));
}

}  // namespace

UpstreamError api_error(const net::HttpResult& r, const ErrorContext& c) {
  if (!r.ok()) return network_error(r, c);
  const Envelope e = parse_envelope(r);
  UpstreamError::Details d;
  d.source = airbyte_source().name;
  d.attempts = c.attempts;
  d.http_status = r.status;
  d.request_id = e.request_id;
  d.field = e.errors.empty() ? "" : e.errors.front().field;
  d.message = c.what + ": " + describe(e);
  upstream::StatusClass s = classify_status(r.status, d.field, r);
  d.category = s.category;
  d.next_step = std::move(s.next_step);
  d.outcome_unknown = outcome_unknown(r, c);
  if (d.outcome_unknown) d.next_step += may_have_taken_effect();
  return UpstreamError(std::move(d));
}

const upstream::Source& airbyte_source() {
  static const upstream::Source s{
      .name = "Airbyte",
      .log_component = "airbyte",
      .base_url_setting = "AIRBYTE_API_BASE_URL",
      .timeout_step = "Try again; if it keeps happening, ask for less data (smaller page_size or limit).",
      .too_large_step = "Ask for less data: a smaller page_size or limit, or fewer fields.",
  };
  return s;
}

}  // namespace airbyte
