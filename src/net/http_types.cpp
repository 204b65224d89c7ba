#include "net/http_types.hpp"

namespace net {

const char* to_string(Failure failure) {
  switch (failure) {
    case Failure::None: return "none";
    case Failure::ConnectFailed: return "could not connect";
    case Failure::Timeout: return "timed out";
    case Failure::ConnectionLost: return "connection lost mid-response";
    case Failure::Tls: return "TLS handshake or certificate verification failed";
    case Failure::TooLarge: return "response too large";
    case Failure::Cancelled: return "cancelled";
    case Failure::Other: return "request failed";
  }
  return "request failed";
}

std::optional<std::string> HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

}  // namespace net
