#pragma once
// tiktok_marketing_describe {entity?}: the catalogue for one entity in full (parameters with
// types, defaults and limits; key record fields) or a short list of all, so the model can look
// details up on demand instead of carrying them in every call.

#include "mcp/tool.hpp"
#include "tools/environment.hpp"

namespace tools {

mcp::Tool describe_tool(const Environment& environment);

// The full description of one entity (also used by tests and resources).
nlohmann::json describe_entity(const catalog::Entity& entity, const Environment& environment);

}  // namespace tools
