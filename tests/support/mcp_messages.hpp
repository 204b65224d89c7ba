#pragma once
// The JSON-RPC messages a client sends to open an MCP session and to call the server.

#include <string>

#include <nlohmann/json.hpp>

namespace test {

nlohmann::json request(const nlohmann::json& id, const std::string& method, nlohmann::json params);
nlohmann::json notification(const std::string& method);

// The params of initialize: no client capabilities, clientInfo `client_name` 1.0.0.
nlohmann::json initialize_params(const std::string& protocol_version, const std::string& client_name);
nlohmann::json initialize_request(const nlohmann::json& id, const std::string& protocol_version,
                                  const std::string& client_name);
nlohmann::json initialized_notification();

}  // namespace test
