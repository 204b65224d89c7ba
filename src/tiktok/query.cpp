#include "tiktok/query.hpp"

namespace tiktok {

std::vector<std::pair<std::string, std::string>> to_query(const nlohmann::json& params) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : params.items()) {
    if (value.is_null()) continue;
    if (value.is_string()) {
      out.emplace_back(key, value.get<std::string>());
    } else {
      out.emplace_back(key, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
  return out;
}

}  // namespace tiktok
