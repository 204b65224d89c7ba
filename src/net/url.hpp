#pragma once
// Splitting base URLs and percent-encoding query strings.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace net {

struct BaseUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // without brackets for IPv6
  int port = 0;
  std::string path;    // "" or "/open_api/v1.3", no trailing slash

  std::string origin() const;  // scheme://host:port
};

// Parses scheme://host[:port][/path]; throws std::invalid_argument otherwise.
BaseUrl parse_base_url(std::string_view url);

// RFC 3986 unreserved characters pass; everything else is %XX.
std::string percent_encode(std::string_view text);

std::string encode_query(const std::vector<std::pair<std::string, std::string>>& query);

bool is_loopback_host(std::string_view host);

}  // namespace net
