#pragma once
// tiktok_marketing_change {entity, action, params, confirm?}: changes a TikTok account in two
// steps. Without confirm it changes nothing: it reads the targets, checks the guard rails and
// returns a preview with a single-use token; with the token it applies exactly that change.
// When the client can show a form, the server asks the person itself instead of returning a
// token. Registered only when writes are on (direct and demo modes).

#include "mcp/tool.hpp"
#include "tools/environment.hpp"

namespace tools {

mcp::Tool change_tool(const Environment& environment);

}  // namespace tools
