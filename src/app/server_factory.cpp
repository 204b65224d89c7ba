#include "app/server_factory.hpp"

#include <malloc.h>

#include "app/services.hpp"
#include "tools/change_tool.hpp"
#include "tools/check_tool.hpp"
#include "tools/connector_tools.hpp"
#include "tools/describe_tool.hpp"
#include "tools/execute_tool.hpp"
#include "version.hpp"

namespace app {

namespace {

std::string write_instructions(const config::Config& config) {
  if (config.mode() == config::Mode::Hosted) {
    return " Changes (pausing, budgets, creates) are not available: Airbyte's API only reads. Writes need direct "
           "mode (TIKTOK_MARKETING_ACCESS_TOKEN) with TIKTOK_MARKETING_ALLOW_WRITES=true.";
  }
  if (!config.writes_enabled()) {
    return " This server only reads: to let it pause, enable, re-budget or create campaigns, ad groups and ads, "
           "the operator sets TIKTOK_MARKETING_ALLOW_WRITES=true (or --allow-writes) and restarts it; every change "
           "is then previewed and confirmed.";
  }
  return " tiktok_marketing_change(entity, action, params) changes the account in two steps: without confirm it "
         "only previews (changes from -> to, warnings, a confirm token); show the preview to the user and call again "
         "with confirm only after they agree. Deletes need TIKTOK_MARKETING_ALLOW_DELETE=true.";
}

std::string instructions(config::Mode mode) {
  std::string text =
      "This server reads TikTok advertising accounts through the TikTok Business API. Use "
      "tiktok_marketing_execute(entity, action, params) to list advertisers, campaigns, ad groups, ads, "
      "audiences, creative images and videos, and daily reports at advertiser, campaign, ad group and ad level "
      "(give start_date and end_date; sensible report defaults are filled in). Use tiktok_marketing_describe to "
      "look up an entity's parameters and fields, and tiktok_marketing_check if calls fail. IDs are strings; money "
      "is in the advertiser's currency and report dates in its time zone (see entity advertisers).";
  if (mode == config::Mode::Demo) {
    text += " This server runs in demo mode: it serves a built-in sample account (advertiser 7100000000000000001), "
            "not real TikTok data; say so when you present results.";
  }
  if (mode == config::Mode::Hosted) {
    text += " Calls run through Airbyte's hosted TikTok Marketing connectors. tiktok_marketing_connector_list shows "
            "the user's connectors; tiktok_marketing_connector_oauth_initiate and tiktok_marketing_connector_create "
            "add one; context_store_search queries Airbyte's synced copy.";
  }
  if (mode == config::Mode::Unconfigured) {
    text += " No credentials are configured yet: calls will explain which environment variables to set.";
  }
  return text;
}

// Tool calls run on many worker threads, and each may buffer an upstream answer of up to 32 MiB
// or a big report page. glibc gives each thread its own heap arena and raises its mmap threshold
// once a large block is freed; from then on blocks that large stay in the arenas for good (a few
// refused 50 MB answers left the process 32 MiB larger per worker). Fewer arenas and a fixed
// threshold give that memory back after each call. Set here, before the workers start, so that
// every server built (the binary, the tests) runs with it.
void limit_heap_retention() {
#ifdef __GLIBC__
  mallopt(M_ARENA_MAX, 2);
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

}  // namespace

App::App() = default;
App::App(App&&) noexcept = default;
App::~App() = default;

App build(const config::Config& config) {
  limit_heap_retention();
  mcp::ServerOptions options;
  options.info = {"tiktok-marketing-mcp", "TikTok Marketing", TIKTOK_MARKETING_MCP_VERSION,
                  "Read TikTok advertising accounts: campaigns, ad groups, ads, audiences, creatives and reports."};
  options.instructions = instructions(config.mode()) + write_instructions(config);
  options.workers = config.workers;
  App app;
  app.services = make_services(config);
  app.server = std::make_unique<mcp::Server>(options);
  const tools::Environment& env = app.services->environment;
  app.server->tools().add(tools::execute_tool(env));
  app.server->tools().add(tools::describe_tool(env));
  app.server->tools().add(tools::check_tool(env));
  if (env.changes != nullptr) app.server->tools().add(tools::change_tool(env));
  if (app.services->hosted) {
    for (auto& tool : tools::connector_tools(app.services->hosted->connectors)) app.server->tools().add(std::move(tool));
  }
  return app;
}

std::string startup_summary(const config::Config& config, const mcp::Server& server) {
  std::string tools;
  for (const auto& t : server.tools().all()) tools += (tools.empty() ? "" : ", ") + t->tool.name;
  return "serving " + std::string(config::to_string(config.mode())) + " mode over " +
         std::string(config::to_string(config.transport)) + "; tools: " + (tools.empty() ? "none" : tools);
}

std::string terminal_banner(const config::Config& config, const mcp::Server& server) {
  std::string banner = "tiktok-marketing-mcp " TIKTOK_MARKETING_MCP_VERSION ": " + startup_summary(config, server) + "\n";
  if (config.mode() == config::Mode::Demo) banner += "Demo mode: a built-in sample account, no TikTok credentials needed.\n";
  if (config.mode() == config::Mode::Unconfigured) {
    banner += "No credentials: set TIKTOK_MARKETING_ACCESS_TOKEN (direct) or AIRBYTE_CLIENT_ID and "
              "AIRBYTE_CLIENT_SECRET (hosted), or pass --demo.\n";
  }
  banner +=
      "This is an MCP server speaking JSON-RPC on stdin/stdout; it is waiting for a client.\n"
      "Connect it from Claude Desktop or Claude Code (see README.md), or press Ctrl-D to quit.\n";
  return banner;
}

}  // namespace app
