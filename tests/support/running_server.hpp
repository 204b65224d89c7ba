#pragma once
// The whole server built by the app for a Config, driven in-process through an MCP session
// the way a client would.

#include <string>

#include <nlohmann/json.hpp>

#include "app/server_factory.hpp"
#include "support/session_client.hpp"

namespace test {

struct RunningServer {
  explicit RunningServer(const config::Config& c) : app(app::build(c)), client(*app.server) { client.initialize(); }
  ~RunningServer() { app.server->join(); }

  nlohmann::json execute(const std::string& entity, nlohmann::json params = nlohmann::json::object(),
                         const std::string& action = "list") {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", action}, {"params", params}})["result"];
  }

  app::App app;
  SessionClient client;
};

}  // namespace test
