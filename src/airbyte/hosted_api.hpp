#pragma once
// Everything hosted mode talks to Airbyte with, wired together: the token cache (fed by the
// credentials exchange), the API client, the connectors API and the connector resolver.
// Owned by the app; the executor and the connector tools hold references into it.

#include <string>

#include "airbyte/api_client.hpp"
#include "airbyte/connector_resolver.hpp"
#include "airbyte/connectors.hpp"
#include "airbyte/token_cache.hpp"

namespace airbyte {

struct HostedSettings {
  ApplicationCredentials credentials;
  ApiOptions api;
  ConnectorDefaults defaults;
  std::string connector_id;  // AIRBYTE_CONNECTOR_ID
};

struct HostedApi {
  // `transport` must outlive this. Throws std::invalid_argument for an unsafe base URL.
  HostedApi(net::HttpTransport& transport, HostedSettings settings, upstream::Sleeper sleeper = {},
            TokenCache::Now now = {});
  HostedApi(const HostedApi&) = delete;
  HostedApi& operator=(const HostedApi&) = delete;

  HostedSettings settings;
  TokenCache tokens;
  ApiClient api;
  Connectors connectors;
  ConnectorResolver resolver;
};

}  // namespace airbyte
