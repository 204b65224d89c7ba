#pragma once
// Which hosted connector an execute call runs against: the connector_id argument, else
// AIRBYTE_CONNECTOR_ID, else the one TikTok Marketing connector Airbyte lists for the external
// user. None or several is an error that lists what was found and how to choose. The listed
// choice is remembered until a connector is created or deleted here, or forget() is called.

#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>

#include "airbyte/connectors.hpp"

namespace airbyte {

struct ConnectorChoice {
  std::string id;
  std::string source;  // "argument", "AIRBYTE_CONNECTOR_ID" or "the only TikTok Marketing connector of <user>"
};

class ConnectorResolver {
 public:
  ConnectorResolver(const Connectors& connectors, std::string configured_id);

  // Throws UpstreamError: NotFound for none, InvalidParams (field connector_id) for several,
  // NotConfigured when no external user is configured, or the listing's own error.
  ConnectorChoice resolve(const std::optional<std::string>& argument, const std::stop_token& stop);

  // Drops the remembered choice (say, after Airbyte answered 404 for it). Thread-safe.
  void forget();

  const std::string& configured_id() const { return configured_id_; }

 private:
  ConnectorChoice from_listing(const std::stop_token& stop) const;

  const Connectors& connectors_;
  std::string configured_id_;
  std::mutex mutex_;
  std::optional<ConnectorChoice> remembered_;
  std::uint64_t remembered_at_ = 0;  // connectors_.changes() when remembered
};

// "id (name)" for each connector, comma-separated; for messages.
std::string summarize_connectors(const json& connectors);

}  // namespace airbyte
