#pragma once
// The demo account behind TikTok's own API surface: answers the same paths and parameters
// with the same envelopes, pagination and error codes, in-process. The demo mode's transport,
// and the data engine of the fake TikTok server in the tests.

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "net/http_transport.hpp"

namespace tiktok::demo {

class DemoApi : public net::HttpTransport {
 public:
  // An envelope for an API path ("/campaign/get/") and its decoded query parameters, or
  // nullopt when the path does not exist (TikTok answers those with HTTP 404).
  std::optional<nlohmann::json> handle(const std::string& path, const std::map<std::string, std::string>& query) const;

  net::HttpResult send(const net::HttpRequest& request, const std::stop_token& stop) override;
};

}  // namespace tiktok::demo
