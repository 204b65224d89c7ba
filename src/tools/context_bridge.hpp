#pragma once
// Hands an MCP tool call's cancellation, progress and logging to the execution layer, which
// knows nothing of MCP.

#include "execution/call_context.hpp"
#include "mcp/tool_context.hpp"

namespace tools {

inline execution::CallContext bridge(mcp::ToolContext& context) {
  execution::CallContext c;
  c.stop = context.stop_token();
  c.progress = [&context](double done, std::optional<double> total, const std::string& message) {
    context.report_progress(done, total, message);
  };
  c.log = [&context](const std::string& message) { context.log(logging::Level::Info, "tiktok", message); };
  return c;
}

}  // namespace tools
