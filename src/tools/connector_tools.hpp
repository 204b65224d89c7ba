#pragma once
// The hosted connector-management tools, listed when Airbyte credentials are configured:
// create (with a token or an OAuth secret_id), start the OAuth flow, list, get and delete.
// Failures come back as tool errors naming the field at fault and what to do.

#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "airbyte/connectors.hpp"
#include "mcp/tool.hpp"

namespace tools {

// All five, in the order they are listed. `connectors` must outlive the tools.
std::vector<mcp::Tool> connector_tools(airbyte::Connectors& connectors);

mcp::Tool connector_create_tool(airbyte::Connectors& connectors);
mcp::Tool connector_oauth_initiate_tool(airbyte::Connectors& connectors);
mcp::Tool connector_list_tool(airbyte::Connectors& connectors);
mcp::Tool connector_get_tool(airbyte::Connectors& connectors);
mcp::Tool connector_delete_tool(airbyte::Connectors& connectors);

// The structured result of `call`, or the error it threw as a tool error.
mcp::ToolResult connector_result(const std::function<nlohmann::json()>& call);

}  // namespace tools
