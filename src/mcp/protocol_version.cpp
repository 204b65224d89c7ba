#include "mcp/protocol_version.hpp"

#include <algorithm>

namespace mcp {

bool is_supported(std::string_view version) {
  return std::find(kSupportedVersions.begin(), kSupportedVersions.end(), version) != kSupportedVersions.end();
}

std::string negotiate(std::string_view requested) {
  return std::string(is_supported(requested) ? requested : kLatestVersion);
}

Features features_of(std::string_view version) {
  Features f;
  f.annotations = version >= "2025-03-26";
  f.batching = version == "2025-03-26";
  f.progress_message = version >= "2025-03-26";
  f.titles = version >= "2025-06-18";
  f.structured_output = version >= "2025-06-18";
  f.resource_links = version >= "2025-06-18";
  f.icons = version >= "2025-11-25";
  return f;
}

}  // namespace mcp
