#pragma once
// The hosted connector-management tools, listed when Airbyte credentials are configured:
// create (with a token or an OAuth secret_id), start the OAuth flow, list, get and delete.
// Failures come back as tool errors naming the field at fault and what to do.

#include <functional>
#include <stop_token>
#include <string>
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

// What the five have in common: schemas from schemas/tools/, and a call whose JSON answer is
// the structured result, or whose execution::UpstreamError becomes the tool error.
struct ConnectorToolInfo {
  std::string name;
  std::string title;
  std::string description;
  std::string input_schema;   // path under schemas/, e.g. "tools/connector_id.input.json"
  std::string output_schema;
  mcp::ToolAnnotations annotations;
};
using ConnectorCall =
    std::function<nlohmann::json(airbyte::Connectors& connectors, const nlohmann::json& args, const std::stop_token& stop)>;
mcp::Tool connector_tool(airbyte::Connectors& connectors, ConnectorToolInfo info, ConnectorCall call);

}  // namespace tools
