// tiktok-marketing-mcp: reads the configuration, builds the server for the selected mode and
// serves it over the selected transport until the client goes away or a signal arrives.

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "app/server_factory.hpp"
#include "app/signal_watcher.hpp"
#include "config/load.hpp"
#include "log/logger.hpp"
#include "transport/http_service.hpp"
#include "transport/stdio_transport.hpp"
#include "version.hpp"

extern char** environ;

namespace {

config::Environment read_environment() {
  config::Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

const char* signal_name(int sig) { return sig == SIGINT ? "SIGINT" : "SIGTERM"; }

// stdout belongs to the protocol: keep a private descriptor for it and point fd 1 at stderr,
// so a stray write from any library can never corrupt the message stream.
int claim_stdout() {
  int protocol_fd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (protocol_fd < 0) return STDOUT_FILENO;
  std::fflush(stdout);
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return protocol_fd;
}

int serve_stdio(const config::Config& cfg) {
  auto app = app::build(cfg);
  const int protocol_fd = claim_stdout();
  transport::StdioTransport stdio(*app.server, {cfg.max_message_bytes}, STDIN_FILENO, protocol_fd);
  app::SignalWatcher signals([&stdio](int sig) {
    logging::info("main", std::string("received ") + signal_name(sig) + "; shutting down");
    stdio.stop();
  });
  if (::isatty(STDIN_FILENO)) std::cerr << app::terminal_banner(cfg, *app.server) << std::flush;
  logging::info("main", app::startup_summary(cfg, *app.server));
  const int code = stdio.run();
  app.server->join();
  logging::info("main", "stdio session ended");
  return code;
}

int serve_http(const config::Config& cfg) {
  auto app = app::build(cfg);
  transport::HttpService http(*app.server, cfg);
  app::SignalWatcher signals([&http](int sig) {
    logging::info("main", std::string("received ") + signal_name(sig) + "; shutting down");
    http.stop();
  });
  logging::info("main", app::startup_summary(cfg, *app.server));
  http.run();
  app.server->join();
  logging::info("main", "HTTP server stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  app::block_shutdown_signals();  // before any thread starts
  config::Invocation invocation;
  try {
    invocation = config::load(std::vector<std::string>(argv + 1, argv + argc), read_environment());
  } catch (const config::ConfigError& e) {
    std::cerr << "tiktok-marketing-mcp: configuration error: " << e.what() << "\n"
              << "Run tiktok-marketing-mcp --help for every flag and environment variable.\n";
    return 2;
  }
  if (invocation.show_help) {
    std::cout << config::help_text();
    return 0;
  }
  if (invocation.show_version) {
    std::cout << "tiktok-marketing-mcp " << TIKTOK_MARKETING_MCP_VERSION << "\n";
    return 0;
  }
  const config::Config& cfg = invocation.config;
  logging::set_level(cfg.log_level);
  try {
    switch (cfg.transport) {
      case config::Transport::Stdio:
        return serve_stdio(cfg);
      case config::Transport::Http:
      case config::Transport::Sse:
        return serve_http(cfg);
    }
  } catch (const std::exception& e) {
    logging::error("main", std::string("fatal: ") + e.what());
    return 1;
  }
  return 0;
}
