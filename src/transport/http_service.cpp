#include "transport/http_service.hpp"

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "transport/http_security.hpp"
#include "transport/http_server.hpp"
#include "transport/legacy_sse.hpp"
#include "transport/streamable_http.hpp"

namespace transport {

namespace {

bool is_wildcard(std::string_view host) { return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]"; }

// An IPv6 address as it appears in a URL or a Host header: in brackets.
std::string bracketed(const std::string& host) {
  return host.find(':') != std::string::npos && host.front() != '[' ? "[" + host + "]" : host;
}

AccessPolicy access_policy(const config::HttpSettings& http) {
  AccessPolicy policy;
  for (const auto& host : http.allowed_hosts) policy.allow_host(host);
  for (const auto& origin : http.allowed_origins) policy.allow_origin(origin);
  // Clients that connect to the address we listen on name it in Host.
  if (!is_wildcard(http.host)) {
    policy.allow_host(bracketed(http.host));
  }
  if (!http.auth_token.empty()) policy.require_token(http.auth_token.reveal());
  return policy;
}

std::unique_ptr<HttpHandler> make_handler(mcp::Server& server, const config::Config& config) {
  AccessPolicy policy = access_policy(config.http);
  SessionLimits limits{config.http.max_sessions, config.http.session_idle_timeout};
  if (config.transport == config::Transport::Sse) {
    LegacySseOptions options;
    options.max_body_bytes = config.max_message_bytes;
    return std::make_unique<LegacySse>(server, std::move(policy), limits, options);
  }
  StreamableHttpOptions options;
  options.max_body_bytes = config.max_message_bytes;
  return std::make_unique<StreamableHttp>(server, std::move(policy), limits, options);
}

HttpServerOptions server_options(const config::Config& config) {
  HttpServerOptions options;
  options.host = config.http.host;
  options.port = config.http.port;
  options.threads = config.http.threads;
  options.max_body_bytes = config.max_message_bytes;
  options.keepalive = config.http.sse_keepalive;
  // Often enough that a session ends close to its timeout, rarely enough to cost nothing.
  options.sweep_interval = std::clamp<std::chrono::milliseconds>(
      std::chrono::duration_cast<std::chrono::milliseconds>(config.http.session_idle_timeout) / 10,
      std::chrono::seconds(1), std::chrono::seconds(60));
  return options;
}

}  // namespace

HttpService::HttpService(mcp::Server& server, const config::Config& config) : host_(config.http.host) {
  if (config.transport != config::Transport::Http && config.transport != config::Transport::Sse) {
    throw std::invalid_argument("HttpService serves the http and sse transports only");
  }
  if (auto refusal = refuse_to_listen(config.http.host, !config.http.auth_token.empty())) {
    throw std::runtime_error(*refusal);
  }
  handler_ = make_handler(server, config);
  server_ = std::make_unique<HttpServer>(*handler_, server_options(config));
  port_ = server_->bind();
}

HttpService::~HttpService() = default;

std::string HttpService::url() const {
  return "http://" + bracketed(host_) + ":" + std::to_string(port_) + handler_->endpoint();
}

std::string HttpService::transport_name() const { return handler_->name(); }

void HttpService::run() {
  // Always printed, whatever the log level: it is how people and test scripts find the port.
  std::cerr << "Listening on " << url() << " (" << transport_name() << ")" << std::endl;
  server_->run();
}

void HttpService::stop() { server_->stop(); }

}  // namespace transport
