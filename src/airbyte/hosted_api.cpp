#include "airbyte/hosted_api.hpp"

namespace airbyte {

HostedApi::HostedApi(net::HttpTransport& transport, HostedSettings s, upstream::Sleeper sleeper,
                     TokenCache::Now now)
    : settings(std::move(s)),
      tokens(
          [&transport, this, sleeper](const std::stop_token& stop) {
            return exchange_token(transport, settings.api, settings.credentials, sleeper, stop);
          },
          std::move(now)),
      api(transport, tokens, settings.api, std::move(sleeper)),
      connectors(api, settings.defaults),
      resolver(connectors, settings.connector_id) {}

}  // namespace airbyte
