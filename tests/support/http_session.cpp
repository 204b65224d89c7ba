#include "support/http_session.hpp"

#include <httplib.h>

#include <stdexcept>

#include "support/mcp_messages.hpp"
#include "support/reply_body.hpp"

namespace test {

namespace {

constexpr const char* kEndpoint = "/mcp";

}  // namespace

HttpSession::HttpSession(const std::string& host, int port, std::chrono::seconds read_timeout)
    : client_(std::make_unique<httplib::Client>(host, port)) {
  client_->set_keep_alive(true);
  client_->set_tcp_nodelay(true);
  client_->set_connection_timeout(std::chrono::seconds(10));
  client_->set_read_timeout(read_timeout);
}

HttpSession::~HttpSession() = default;

void HttpSession::open(const nlohmann::json& initialize_request) {
  HttpReply reply = post(initialize_request);
  if (reply.status != 200)
    throw std::runtime_error("initialize: HTTP " + std::to_string(reply.status) + " " + reply.body);
  auto messages = messages_in_body(reply.content_type, reply.body);
  if (messages.size() != 1 || !messages[0].contains("result")) throw std::runtime_error("initialize: " + reply.body);
  if (session_id_.empty()) throw std::runtime_error("initialize: no Mcp-Session-Id");
  protocol_version_ = initialize_request.at("params").at("protocolVersion").get<std::string>();
  HttpReply initialized = post(initialized_notification());
  if (initialized.status != 202) {
    throw std::runtime_error("notifications/initialized: HTTP " + std::to_string(initialized.status));
  }
}

HttpReply HttpSession::post(const nlohmann::json& message) {
  httplib::Headers headers{{"Accept", "application/json, text/event-stream"}};
  if (!session_id_.empty()) headers.emplace("Mcp-Session-Id", session_id_);
  if (!protocol_version_.empty()) headers.emplace("MCP-Protocol-Version", protocol_version_);
  HttpReply reply;
  auto res = client_->Post(kEndpoint, headers, message.dump(), "application/json");
  if (!res) {
    reply.body = httplib::to_string(res.error());
    return reply;
  }
  reply.status = res->status;
  reply.content_type = res->get_header_value("Content-Type");
  reply.body = std::move(res->body);
  if (session_id_.empty()) session_id_ = res->get_header_value("Mcp-Session-Id");
  return reply;
}

bool HttpSession::close() {
  httplib::Headers headers{{"Mcp-Session-Id", session_id_}, {"MCP-Protocol-Version", protocol_version_}};
  auto res = client_->Delete(kEndpoint, headers);
  return res && res->status >= 200 && res->status < 300;
}

}  // namespace test
