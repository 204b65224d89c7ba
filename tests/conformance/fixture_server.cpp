// conformance_fixture: the protocol core with the conformance suite's fixture tools,
// resources and prompts, served over Streamable HTTP (or legacy SSE). It takes the production
// binary's HTTP flags and environment (--transport, --host, --port, MCP_AUTH_TOKEN, limits...).
//   conformance_fixture --transport http --port 0   -> "Listening on http://127.0.0.1:PORT/mcp"

#include <iostream>

#include "config/load.hpp"
#include "fixtures.hpp"
#include "log/logger.hpp"
#include "mcp/server.hpp"
#include "transport/http_service.hpp"

extern char** environ;

int main(int argc, char** argv) {
  config::Environment env;
  for (char** e = environ; e && *e; ++e) {
    const std::string entry(*e);
    if (auto eq = entry.find('='); eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  config::Config cfg;
  try {
    cfg = config::load(std::vector<std::string>(argv + 1, argv + argc), env).config;
  } catch (const config::ConfigError& e) {
    std::cerr << "conformance_fixture: " << e.what() << "\n";
    return 2;
  }
  if (cfg.transport == config::Transport::Stdio) cfg.transport = config::Transport::Http;
  logging::set_level(cfg.log_level);

  mcp::ServerOptions options;
  options.info = {"conformance-fixture", "Conformance fixture", "1.0.0", "Fixtures for the MCP conformance suite"};
  options.workers = cfg.workers;
  mcp::Server server(options);
  fixture::add_tools(server);
  fixture::add_resources(server);
  fixture::add_prompts(server);
  try {
    transport::HttpService http(server, cfg);
    http.run();  // until killed: the fixture needs no graceful shutdown
  } catch (const std::exception& e) {
    std::cerr << "conformance_fixture: " << e.what() << "\n";
    return 1;
  }
  server.join();
  return 0;
}
