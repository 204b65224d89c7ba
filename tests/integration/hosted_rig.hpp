#pragma once
// Hosted mode's client stack against the fake Airbyte API on loopback, with recorded waits
// and a clock that moves only when a test says so.

#include <string>

#include "airbyte/hosted_api.hpp"
#include "airbyte/hosted_executor.hpp"
#include "catalog/catalog.hpp"
#include "fakes/fake_airbyte_server.hpp"
#include "net/http_client.hpp"
#include "support/canaries.hpp"
#include "support/recording_sleeper.hpp"
#include "tiktok/demo/demo_account.hpp"

namespace test {

inline constexpr const char* kClientId = "client-id-hosted";
inline constexpr const char* kClientSecret = canary::kAirbyteClientSecret;
inline constexpr const char* kUser = "user-hosted";

struct HostedOptions {
  std::string client_secret = kClientSecret;
  std::string organization_id;
  std::string connector_id;
  std::string external_user_id = kUser;
};

class HostedRig {
 public:
  explicit HostedRig(HostedOptions options = {})
      : fake(kClientId, kClientSecret),
        http(net::HttpClientOptions{}),
        hosted(http, settings(options), sleeper.fn(), clock.fn()),
        executor(hosted.api, hosted.connectors, hosted.resolver) {}

  // Fetches one page of entity.action through the executor.
  execution::Page fetch(const std::string& entity, const std::string& action, const nlohmann::json& params,
                        std::optional<std::string> connector_id = std::nullopt) {
    const auto* e = catalog::Catalog::builtin().find(entity);
    const auto* a = e->find_action(action);
    execution::Target target{*e, *a, std::move(connector_id)};
    return executor.fetch(target, params, {});
  }

  fakes::FakeAirbyteServer fake;
  net::HttpClient http;
  RecordingSleeper sleeper;
  ManualClock clock;
  airbyte::HostedApi hosted;
  airbyte::HostedExecutor executor;

 private:
  airbyte::HostedSettings settings(const HostedOptions& o) const {
    airbyte::HostedSettings s;
    s.credentials = {kClientId, o.client_secret};
    s.api.base_url = fake.url();
    s.api.organization_id = o.organization_id;
    s.api.retry.backoff = {std::chrono::milliseconds(100), std::chrono::milliseconds(1000)};
    s.defaults = {o.external_user_id, ""};
    s.connector_id = o.connector_id;
    return s;
  }
};

inline nlohmann::json campaign_params() {
  return {{"advertiser_id", tiktok::demo::kDefaultAdvertiserId}, {"page_size", 2}};
}

}  // namespace test
