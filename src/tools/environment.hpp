#pragma once
// What the TikTok tools work with: the catalogue, the executor of the active mode, the
// configured defaults and the output limit. Owned by the app; outlives the server.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "execution/executor.hpp"

namespace changes {
class ChangeService;
}

namespace tools {

struct Environment {
  const catalog::Catalog* catalog = nullptr;
  execution::Executor* executor = nullptr;
  catalog::ConfigDefaults defaults;
  std::size_t output_max_chars = 100000;
  bool hosted = false;                           // execute accepts connector_id
  changes::ChangeService* changes = nullptr;     // set when writes are on (tiktok_marketing_change)
  nlohmann::json settings = nlohmann::json::object();  // for the check tool: what is set, never secret values
};

}  // namespace tools
