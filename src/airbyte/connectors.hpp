#pragma once
// The hosted TikTok Marketing connectors of Airbyte's agent API: list, get, create, delete,
// and the start of the server-side OAuth flow. Arguments are checked here (one credential
// source, a real start date, an external user) so every caller gets the same rules; answers
// are passed on without any credential they might contain.

#include <atomic>
#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>

#include <nlohmann/json.hpp>

#include "airbyte/api_client.hpp"

namespace airbyte {

inline constexpr const char* kConnectorType = "Tiktok-Marketing";
inline constexpr const char* kDefaultStartDate = "2016-09-01";

struct ConnectorDefaults {
  std::string external_user_id;      // AIRBYTE_EXTERNAL_USER_ID
  std::string fallback_access_token; // TIKTOK_MARKETING_ACCESS_TOKEN, used by create when no credential is given
};

struct CreateRequest {
  std::string name;
  std::string external_user_id;                // empty: the default
  std::optional<std::string> access_token;     // credentials.access_token
  std::optional<std::string> oauth_secret_id;  // server_side_oauth_secret_id
  std::string start_date;                      // empty: 2016-09-01
};

struct Created {
  json connector;                 // Airbyte's answer, without credentials
  std::string credential_source;  // "access_token argument", "server TIKTOK_MARKETING_ACCESS_TOKEN", "OAuth secret_id"
};

class Connectors {
 public:
  Connectors(const ApiClient& api, ConnectorDefaults defaults);

  // Throws UpstreamError (NotConfigured) when neither the argument nor the default names a user.
  std::string external_user(const std::string& argument) const;

  // The user's connectors of every type, as Airbyte lists them ({"data": [...]} unwrapped).
  json list(const std::string& external_user_id, const std::stop_token& stop) const;
  json get(const std::string& connector_id, const std::stop_token& stop) const;
  // Sent once: a create that may have reached Airbyte is never repeated (see upstream/attempt.hpp).
  Created create(const CreateRequest& request, const std::stop_token& stop);
  json remove(const std::string& connector_id, const std::stop_token& stop);
  // {consent_url} for the user to open.
  json initiate_oauth(const std::string& redirect_url, const std::string& external_user_id,
                      const std::stop_token& stop) const;

  bool has_fallback_token() const { return !defaults_.fallback_access_token.empty(); }
  const ApiClient& api() const { return api_; }

  // Counts creates and deletes, so a cached choice of connector knows when to look again.
  std::uint64_t changes() const { return changes_.load(); }

 private:
  json create_body(const CreateRequest& request, std::string& credential_source) const;

  const ApiClient& api_;
  ConnectorDefaults defaults_;
  std::atomic<std::uint64_t> changes_{0};
};

// True for a connector whose type (connector_type or source template name) is TikTok Marketing.
bool is_tiktok_marketing(const json& connector);

// A copy without any member that could hold a credential (credentials, tokens, secrets).
json without_credentials(json value);

}  // namespace airbyte
