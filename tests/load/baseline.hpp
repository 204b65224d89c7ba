#pragma once
// The answer every load call is compared with: the first five campaigns, fetched once over
// stdio from a server process of its own before the load (and its faults) start.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace load {

// Throws std::runtime_error when the server does not answer with five campaigns.
nlohmann::json fetch_baseline(const std::string& binary, const std::map<std::string, std::string>& env,
                              const std::string& log_path);

}  // namespace load
