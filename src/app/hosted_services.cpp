#include "app/hosted_services.hpp"

#include "airbyte/hosted_api.hpp"
#include "airbyte/hosted_executor.hpp"
#include "app/services.hpp"
#include "log/logger.hpp"
#include "net/http_client.hpp"

namespace app {

namespace {

airbyte::HostedSettings hosted_settings(const config::Config& c) {
  airbyte::HostedSettings s;
  s.credentials = {c.airbyte.client_id, c.airbyte.client_secret.reveal()};
  s.api.base_url = c.airbyte.api_base_url;
  while (!s.api.base_url.empty() && s.api.base_url.back() == '/') s.api.base_url.pop_back();
  s.api.organization_id = c.airbyte.organization_id;
  s.api.retry.max_attempts = c.upstream.max_attempts;
  s.api.retry.budget = c.upstream.retry_budget;
  s.defaults.external_user_id = c.airbyte.external_user_id;
  s.defaults.fallback_access_token = c.tiktok.access_token.reveal();
  s.connector_id = c.airbyte.connector_id;
  return s;
}

}  // namespace

void make_hosted(const config::Config& c, Services& s) {
  net::HttpClientOptions http;
  http.connect_timeout = c.upstream.connect_timeout;
  http.read_timeout = c.upstream.read_timeout;
  s.transport = std::make_unique<net::HttpClient>(http);
  s.hosted = std::make_unique<airbyte::HostedApi>(*s.transport, hosted_settings(c));
  s.executor = std::make_unique<airbyte::HostedExecutor>(s.hosted->api, s.hosted->connectors, s.hosted->resolver);
  s.environment.hosted = true;
  s.environment.defaults.advertiser_id = c.tiktok.advertiser_id;
  logging::info("airbyte", "hosted mode: calls go through Airbyte at " + s.hosted->api.base_url() +
                               (c.tiktok.access_token.empty()
                                    ? std::string()
                                    : "; TIKTOK_MARKETING_ACCESS_TOKEN is used only as the default credential of "
                                      "tiktok_marketing_connector_create"));
}

}  // namespace app
