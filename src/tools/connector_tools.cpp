#include "tools/connector_tools.hpp"

#include "catalog/embedded.hpp"
#include "execution/upstream_error.hpp"

namespace tools {

std::vector<mcp::Tool> connector_tools(airbyte::Connectors& connectors) {
  return {connector_list_tool(connectors), connector_get_tool(connectors), connector_create_tool(connectors),
          connector_oauth_initiate_tool(connectors), connector_delete_tool(connectors)};
}

mcp::Tool connector_tool(airbyte::Connectors& connectors, ConnectorToolInfo info, ConnectorCall call) {
  mcp::Tool tool;
  tool.name = std::move(info.name);
  tool.title = std::move(info.title);
  tool.description = std::move(info.description);
  tool.input_schema = catalog::embedded_json(info.input_schema);
  tool.output_schema = catalog::embedded_json(info.output_schema);
  tool.annotations = info.annotations;
  tool.handler = [&connectors, call = std::move(call)](const nlohmann::json& args, mcp::ToolContext& context) {
    try {
      return mcp::ToolResult::structured_json(call(connectors, args, context.stop_token()));
    } catch (const execution::UpstreamError& e) {
      return mcp::ToolResult::error(e.describe());
    }
  };
  return tool;
}

}  // namespace tools
