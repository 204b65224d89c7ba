#pragma once
// Executes catalogue actions through Airbyte's hosted agent API: POST
// /api/v1/integrations/connectors/{connector_id}/execute with {entity, action, params}, on the
// connector the resolver picks. The answer becomes the same Page direct mode gives.

#include <string>

#include "airbyte/api_client.hpp"
#include "airbyte/connector_resolver.hpp"
#include "airbyte/connectors.hpp"
#include "execution/executor.hpp"

namespace airbyte {

class HostedExecutor : public execution::Executor {
 public:
  HostedExecutor(const ApiClient& api, Connectors& connectors, ConnectorResolver& resolver);

  execution::Page fetch(const execution::Target& target, const json& params,
                        const execution::CallContext& context) override;
  // Token exchange, the user's connectors, the connector in use, and the latency.
  execution::CheckReport check(const execution::CallContext& context) override;
  std::string mode() const override { return "hosted"; }

 private:
  json tiktok_connectors(const std::stop_token& stop) const;
  json connector_in_use(const std::stop_token& stop);

  const ApiClient& api_;
  Connectors& connectors_;
  ConnectorResolver& resolver_;
};

}  // namespace airbyte
