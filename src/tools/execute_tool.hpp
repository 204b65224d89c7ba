#pragma once
// tiktok_marketing_execute {entity, action, params}: runs one catalogue action and returns
// {data, meta}, or an error result that says what was wrong and what to do.

#include "mcp/tool.hpp"
#include "tools/environment.hpp"

namespace tools {

mcp::Tool execute_tool(const Environment& environment);

// The tool description: entities, actions, required parameters and how pagination works,
// generated from the catalogue.
std::string execute_description(const catalog::Catalog& catalog, bool hosted);

}  // namespace tools
