#include "fuzz_server.hpp"

#include "catalog/catalog.hpp"
#include "tools/check_tool.hpp"
#include "tools/describe_tool.hpp"
#include "tools/execute_tool.hpp"

namespace fuzz {

namespace {

mcp::ServerOptions server_options() {
  mcp::ServerOptions options;
  options.info = {"tiktok-marketing-mcp", "TikTok Marketing", "fuzz", "The server under fuzzing."};
  options.instructions = "Fuzzing build.";
  options.workers = 2;
  options.tools_page_size = 2;  // so tools/list pages
  options.validate_output = true;
  return options;
}

}  // namespace

FuzzServer::FuzzServer() : server(server_options()) {
  environment.catalog = &catalog::Catalog::builtin();
  environment.executor = &executor;
  environment.defaults.advertiser_id = "7000000000000000001";
  environment.output_max_chars = kOutputMaxChars;
  environment.settings = {{"TIKTOK_MARKETING_ACCESS_TOKEN", "set"}, {"api_base_url", "https://fake.invalid"}};
  server.tools().add(tools::execute_tool(environment));
  server.tools().add(tools::describe_tool(environment));
  server.tools().add(tools::check_tool(environment));
}

}  // namespace fuzz
