#pragma once
// Plain HTTP request and outcome types, independent of the library that carries them.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace net {

struct HttpRequest {
  std::string method = "GET";
  std::string base_url;  // scheme://host[:port][/path prefix], no trailing slash
  std::string path;      // appended to the base path, starting with '/'
  std::vector<std::pair<std::string, std::string>> query;  // raw values; encoded by the transport
  std::map<std::string, std::string> headers;
  std::string body;
  std::string content_type;  // for a body
};

enum class Failure {
  None,
  ConnectFailed,    // refused, unreachable, DNS
  Timeout,          // connect or read timeout
  ConnectionLost,   // reset or closed mid-response
  Tls,              // handshake or certificate verification failed
  TooLarge,         // the response exceeded the size limit
  Cancelled,        // the caller cancelled
  Other,
};

const char* to_string(Failure failure);

struct HttpResult {
  Failure failure = Failure::None;
  std::string failure_detail;
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  bool ok() const { return failure == Failure::None; }
  std::optional<std::string> header(const std::string& lower_name) const;
};

}  // namespace net
