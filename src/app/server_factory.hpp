#pragma once
// The composition root: turns a Config into a ready Server with the tools of its mode, and
// owns everything those tools use.

#include <memory>
#include <string>

#include "config/config.hpp"
#include "mcp/server.hpp"

namespace app {

struct Services;

struct App {
  App();
  App(App&&) noexcept;
  ~App();
  std::unique_ptr<Services> services;  // declared first: destroyed after the server stops
  std::unique_ptr<mcp::Server> server;
};

App build(const config::Config& config);

// One line for the log: transport, mode, tools.
std::string startup_summary(const config::Config& config, const mcp::Server& server);

// What a person who started the server at a terminal sees: what it serves and how to connect.
std::string terminal_banner(const config::Config& config, const mcp::Server& server);

}  // namespace app
