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

#include <nlohmann/json.hpp>
#include <string>

namespace catalog {

// A JSON file under schemas/ by its relative path ("tools/execute.input.json"); throws
// std::out_of_range if it does not exist (a build error, not a user error).
nlohmann::json embedded_json(std::string_view path);

}  // namespace catalog
