#pragma once
// Sends one HTTP request. Implemented over cpp-httplib for real hosts, and by the demo
// account, which answers in-process the way TikTok would.

#include <stop_token>

#include "net/http_types.hpp"

namespace net {

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Never throws for network problems: they come back as HttpResult::failure. A stop request
  // interrupts the exchange and yields Failure::Cancelled. Thread-safe.
  virtual HttpResult send(const HttpRequest& request, const std::stop_token& stop) = 0;
};

}  // namespace net
