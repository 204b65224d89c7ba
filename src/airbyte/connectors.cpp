#include "airbyte/connectors.hpp"

#include <algorithm>
#include <cctype>

#include "execution/upstream_error.hpp"
#include "log/redactor.hpp"
#include "net/url.hpp"
#include "util/date.hpp"

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

constexpr const char* kConnectorsPath = "/api/v1/integrations/connectors";

[[noreturn]] void refuse(ErrorCategory category, std::string field, std::string message, std::string next_step) {
  UpstreamError::Details d;
  d.category = category;
  d.field = std::move(field);
  d.message = std::move(message);
  d.next_step = std::move(next_step);
  throw UpstreamError(std::move(d));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string letters_only(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string connector_path(const std::string& connector_id) {
  return std::string(kConnectorsPath) + "/" + net::percent_encode(connector_id);
}

bool holds_credential(const std::string& key) {
  const std::string k = lower(key);
  for (const char* word : {"credential", "token", "secret", "password"}) {
    if (k.find(word) != std::string::npos) return true;
  }
  return false;
}

[[noreturn]] void malformed(std::string message, const ApiResponse& response) {
  UpstreamError::Details d;
  d.category = ErrorCategory::BadResponse;
  d.source = "Airbyte";
  d.message = std::move(message);
  d.request_id = response.request_id;
  d.next_step = "Try again; if it persists, check AIRBYTE_API_BASE_URL.";
  throw UpstreamError(std::move(d));
}

json unwrap_list(const ApiResponse& response) {
  const json& body = response.body;
  if (body.is_array()) return body;
  if (body.is_object() && body.contains("data") && body["data"].is_array()) return body["data"];
  malformed("list connectors: the answer has no data list", response);
}

}  // namespace

bool is_tiktok_marketing(const json& connector) {
  if (!connector.is_object()) return false;
  auto named = [](const json& node, const char* key) {
    return node.is_object() && node.contains(key) && node[key].is_string() &&
           letters_only(node[key].get<std::string>()).find("tiktokmarketing") != std::string::npos;
  };
  if (named(connector, "connector_type")) return true;
  for (const char* templ : {"summarized_source_template", "source_template"}) {
    if (connector.contains(templ) && named(connector[templ], "name")) return true;
  }
  return false;
}

json without_credentials(json value) {
  if (value.is_object()) {
    json out = json::object();
    for (auto& [key, member] : value.items()) {
      if (!holds_credential(key)) out[key] = without_credentials(std::move(member));
    }
    return out;
  }
  if (value.is_array()) {
    for (auto& item : value) item = without_credentials(std::move(item));
  }
  return value;
}

Connectors::Connectors(const ApiClient& api, ConnectorDefaults defaults) : api_(api), defaults_(std::move(defaults)) {}

std::string Connectors::external_user(const std::string& argument) const {
  if (!argument.empty()) return argument;
  if (!defaults_.external_user_id.empty()) return defaults_.external_user_id;
  refuse(ErrorCategory::NotConfigured, "external_user_id", "no external user is given or configured",
         "Pass external_user_id (your identifier for the end user whose connectors these are), or set "
         "AIRBYTE_EXTERNAL_USER_ID on the server and restart it.");
}

json Connectors::list(const std::string& external_user_id, const std::stop_token& stop) const {
  ApiRequest r;
  r.path = kConnectorsPath;
  r.query = {{"external_user_id", external_user(external_user_id)}};
  r.what = "list connectors";
  return unwrap_list(api_.call(r, stop));
}

json Connectors::get(const std::string& connector_id, const std::stop_token& stop) const {
  ApiRequest r;
  r.path = connector_path(connector_id);
  r.what = "get connector " + connector_id;
  return without_credentials(api_.call(r, stop).body);
}

json Connectors::create_body(const CreateRequest& request, std::string& credential_source) const {
  if (request.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    refuse(ErrorCategory::InvalidParams, "name", "the connector needs a name", "Pass a name, such as \"TikTok Ads\".");
  }
  if (request.access_token && request.oauth_secret_id) {
    refuse(ErrorCategory::InvalidParams, "credentials",
           "give either credentials or server_side_oauth_secret_id, not both",
           "Keep credentials.access_token for a token you have, or server_side_oauth_secret_id for the secret_id the "
           "OAuth callback received.");
  }
  const std::string start_date = request.start_date.empty() ? kDefaultStartDate : request.start_date;
  if (!util::parse_date(start_date)) {
    refuse(ErrorCategory::InvalidParams, "replication_config.start_date",
           "start_date \"" + start_date + "\" is not a valid YYYY-MM-DD date",
           "Pass a real date such as 2024-01-01, or leave it out for the default 2016-09-01.");
  }
  json body{{"external_user_id", external_user(request.external_user_id)},
            {"connector_type", kConnectorType},
            {"name", request.name},
            {"replication_config", {{"start_date", start_date}}}};
  if (request.oauth_secret_id) {
    body["server_side_oauth_secret_id"] = *request.oauth_secret_id;
    credential_source = "OAuth secret_id";
  } else if (request.access_token) {
    if (request.access_token->empty()) {
      refuse(ErrorCategory::InvalidParams, "credentials.access_token", "the access token is empty",
             "Pass the TikTok access token, or leave credentials out to use the server's token or the OAuth flow.");
    }
    logging::add_secret(*request.access_token);
    body["credentials"] = {{"access_token", *request.access_token}};
    credential_source = "access_token argument";
  } else if (has_fallback_token()) {
    body["credentials"] = {{"access_token", defaults_.fallback_access_token}};
    credential_source = "server TIKTOK_MARKETING_ACCESS_TOKEN";
  } else {
    refuse(ErrorCategory::InvalidParams, "credentials", "no TikTok credential was given and the server has none",
           "Either start the OAuth flow with tiktok_marketing_connector_oauth_initiate and pass the secret_id its "
           "callback receives as server_side_oauth_secret_id, or pass credentials.access_token, or set "
           "TIKTOK_MARKETING_ACCESS_TOKEN on the server so no token has to pass through the conversation.");
  }
  return body;
}

Created Connectors::create(const CreateRequest& request, const std::stop_token& stop) {
  Created created;
  ApiRequest r;
  r.method = "POST";
  r.path = kConnectorsPath;
  r.body = create_body(request, created.credential_source);
  r.idempotency = upstream::Idempotency::NonIdempotent;
  r.what = "create connector";
  ApiResponse response = api_.call(r, stop);
  ++changes_;
  if (!response.body.is_object() || !response.body.contains("id") || !response.body["id"].is_string()) {
    malformed("create connector: the answer has no connector id (call tiktok_marketing_connector_list to see "
              "whether it was created)",
              response);
  }
  created.connector = without_credentials(std::move(response.body));
  return created;
}

json Connectors::remove(const std::string& connector_id, const std::stop_token& stop) {
  ApiRequest r;
  r.method = "DELETE";
  r.path = connector_path(connector_id);
  r.what = "delete connector " + connector_id;
  try {
    json body = api_.call(r, stop).body;
    ++changes_;
    return body.is_object() ? body : json::object();
  } catch (const UpstreamError& e) {
    // A retried delete whose first attempt went through finds nothing left to delete.
    if (e.category() != ErrorCategory::NotFound || e.details().attempts < 2) throw;
    ++changes_;
    return json{{"note", "the connector was already gone when the delete was repeated"}};
  }
}

json Connectors::initiate_oauth(const std::string& redirect_url, const std::string& external_user_id,
                                const std::stop_token& stop) const {
  ApiRequest r;
  r.method = "POST";
  r.path = std::string(kConnectorsPath) + "/oauth/initiate";
  r.body = json{{"external_user_id", external_user(external_user_id)},
                {"connector_type", kConnectorType},
                {"redirect_url", redirect_url}};
  r.idempotency = upstream::Idempotency::NonIdempotent;
  r.what = "start the OAuth flow";
  ApiResponse response = api_.call(r, stop);
  const json& body = response.body;
  if (!body.is_object() || !body.contains("consent_url") || !body["consent_url"].is_string()) {
    malformed("start the OAuth flow: the answer has no consent_url", response);
  }
  return response.body;
}

}  // namespace airbyte
