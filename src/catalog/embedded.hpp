#pragma once
// The files under schemas/, compiled into the binary (see cmake/embed_schemas.cmake).

#include <string_view>
#include <vector>

namespace catalog {

struct EmbeddedFile {
  std::string_view path;     // relative to schemas/, e.g. "entities/campaigns.json"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace catalog
