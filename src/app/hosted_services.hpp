#pragma once
// Hosted mode's part of make_services: the Airbyte client stack over an HTTPS transport, the
// hosted executor, and the environment flag that gives execute its connector_id argument.

#include "config/config.hpp"

namespace app {

struct Services;

void make_hosted(const config::Config& config, Services& services);

}  // namespace app
