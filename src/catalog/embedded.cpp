#include "catalog/embedded.hpp"

#include <stdexcept>

namespace catalog {

nlohmann::json embedded_json(std::string_view path) {
  for (const auto& file : embedded_files()) {
    if (file.path == path) return nlohmann::json::parse(file.content);
  }
  throw std::out_of_range("no embedded schema " + std::string(path));
}

}  // namespace catalog
