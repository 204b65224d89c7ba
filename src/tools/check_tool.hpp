#pragma once
// tiktok_marketing_check: verifies the configuration and credentials with a real call and
// reports the mode, the API host, the advertisers reachable and the latency. Never a secret.

#include "mcp/tool.hpp"
#include "tools/environment.hpp"

namespace tools {

mcp::Tool check_tool(const Environment& environment);

}  // namespace tools
