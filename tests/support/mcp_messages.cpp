#include "support/mcp_messages.hpp"

namespace test {

using nlohmann::json;

json request(const json& id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json notification(const std::string& method) { return {{"jsonrpc", "2.0"}, {"method", method}}; }

json initialize_params(const std::string& protocol_version, const std::string& client_name) {
  return {{"protocolVersion", protocol_version},
          {"capabilities", json::object()},
          {"clientInfo", {{"name", client_name}, {"version", "1.0.0"}}}};
}

json initialize_request(const json& id, const std::string& protocol_version, const std::string& client_name) {
  return request(id, "initialize", initialize_params(protocol_version, client_name));
}

json initialized_notification() { return notification("notifications/initialized"); }

}  // namespace test
