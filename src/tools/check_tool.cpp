#include "tools/check_tool.hpp"

#include "catalog/embedded.hpp"
#include "tools/context_bridge.hpp"

namespace tools {

mcp::Tool check_tool(const Environment& env) {
  mcp::Tool tool;
  tool.name = "tiktok_marketing_check";
  tool.title = "TikTok Marketing: check connection";
  tool.description =
      "Check the server's configuration and credentials with one real API call: reports the mode (demo, direct, "
      "hosted), the API host, the advertiser accounts reachable and the latency, or what is wrong and how to fix "
      "it. Use it first when calls fail.";
  tool.input_schema = catalog::embedded_json("tools/check.input.json");
  tool.output_schema = catalog::embedded_json("tools/check.output.json");
  tool.annotations = {.read_only = true, .destructive = false, .idempotent = true, .open_world = true};
  tool.handler = [&env](const nlohmann::json&, mcp::ToolContext& context) {
    auto report = env.executor->check(bridge(context));
    nlohmann::json out{{"ok", report.ok},
                       {"mode", env.executor->mode()},
                       {"settings", env.settings},
                       {"upstream", report.details}};
    return mcp::ToolResult::structured_json(std::move(out), !report.ok);
  };
  return tool;
}

}  // namespace tools
