#pragma once
// The upstream side of the server for one mode: transport, rate limiter, client, executor,
// and the tool environment that points at them.

#include <memory>

#include "airbyte/hosted_api.hpp"
#include "changes/change_service.hpp"
#include "config/config.hpp"
#include "execution/executor.hpp"
#include "net/http_transport.hpp"
#include "net/rate_limiter.hpp"
#include "tiktok/client.hpp"
#include "tools/environment.hpp"

namespace app {

struct Services {
  std::unique_ptr<net::HttpTransport> transport;
  std::unique_ptr<net::RateLimiter> limiter;
  std::unique_ptr<tiktok::Client> tiktok_client;
  std::unique_ptr<execution::Executor> executor;
  tools::Environment environment;
  std::unique_ptr<airbyte::HostedApi> hosted;  // hosted mode only
  // Writes (config.writes_enabled()): the audit log, the pending confirmations, the service.
  std::unique_ptr<changes::AuditLog> audit;
  std::unique_ptr<changes::ConfirmationStore> confirmations;
  std::unique_ptr<changes::ChangeService> changes;
};

std::unique_ptr<Services> make_services(const config::Config& config);

}  // namespace app
