#include "app/server_factory.hpp"

#include "version.hpp"

namespace app {

namespace {

std::string instructions() {
  return "Tools for TikTok advertising accounts (TikTok Business API).";
}

}  // namespace

App build(const config::Config& config) {
  mcp::ServerOptions options;
  options.info = {"tiktok-marketing-mcp", "TikTok Marketing", TIKTOK_MARKETING_MCP_VERSION,
                  "Read TikTok advertising accounts: campaigns, ad groups, ads, audiences, creatives and reports."};
  options.instructions = instructions();
  options.workers = config.workers;
  options.max_depth = 64;
  App app;
  app.server = std::make_unique<mcp::Server>(options);
  return app;
}

std::string startup_summary(const config::Config& config, const mcp::Server& server) {
  std::string tools;
  for (const auto& t : server.tools().all()) tools += (tools.empty() ? "" : ", ") + t->tool.name;
  return "serving " + std::string(config::to_string(config.mode())) + " mode over " +
         std::string(config::to_string(config.transport)) + "; tools: " + (tools.empty() ? "none" : tools);
}

std::string terminal_banner(const config::Config& config, const mcp::Server& server) {
  return "tiktok-marketing-mcp " TIKTOK_MARKETING_MCP_VERSION ": " + startup_summary(config, server) +
         "\nThis is an MCP server speaking JSON-RPC on stdin/stdout; it is waiting for a client.\n"
         "Connect it from Claude Desktop or Claude Code (see README.md), or press Ctrl-D to quit.\n";
}

}  // namespace app
