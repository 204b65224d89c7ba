#include "tools/connector_tools.hpp"

#include "execution/upstream_error.hpp"

namespace tools {

std::vector<mcp::Tool> connector_tools(airbyte::Connectors& connectors) {
  return {connector_list_tool(connectors), connector_get_tool(connectors), connector_create_tool(connectors),
          connector_oauth_initiate_tool(connectors), connector_delete_tool(connectors)};
}

mcp::ToolResult connector_result(const std::function<nlohmann::json()>& call) {
  try {
    return mcp::ToolResult::structured_json(call());
  } catch (const execution::UpstreamError& e) {
    return mcp::ToolResult::error(e.describe());
  }
}

}  // namespace tools
