#include "http_session.hpp"

#include <httplib.h>

#include <stdexcept>

#include "stdio_client.hpp"

namespace bench {

namespace {

constexpr const char* kEndpoint = "/mcp";

// The JSON-RPC message in a response body: the body itself, or the last "data:" line of an
// SSE stream (the answer comes after any notifications).
json message_in(const std::string& body, const std::string& content_type) {
  if (content_type.rfind("text/event-stream", 0) != 0) return json::parse(body);
  json last;
  std::size_t at = 0;
  while ((at = body.find("data: ", at)) != std::string::npos) {
    const auto end = body.find('\n', at);
    last = json::parse(body.substr(at + 6, end - at - 6));
    at = end;
  }
  return last;
}

}  // namespace

HttpSession::HttpSession(const std::string& host, int port) : http_(std::make_unique<httplib::Client>(host, port)) {
  http_->set_keep_alive(true);
  http_->set_tcp_nodelay(true);
  http_->set_read_timeout(60, 0);
}

HttpSession::~HttpSession() = default;

json HttpSession::post(const std::string& body, bool expect_answer) {
  httplib::Headers headers{{"Accept", "application/json, text/event-stream"}};
  if (!session_id_.empty()) {
    headers.emplace("Mcp-Session-Id", session_id_);
    headers.emplace("MCP-Protocol-Version", initialize_params()["protocolVersion"].get<std::string>());
  }
  auto res = http_->Post(kEndpoint, headers, body, "application/json");
  if (!res) throw std::runtime_error("POST /mcp failed: " + httplib::to_string(res.error()));
  if (res->status != (expect_answer ? 200 : 202)) {
    throw std::runtime_error("POST /mcp answered HTTP " + std::to_string(res->status) + ": " + res->body);
  }
  if (session_id_.empty()) session_id_ = res->get_header_value("Mcp-Session-Id");
  if (!expect_answer) return nullptr;
  json message = message_in(res->body, res->get_header_value("Content-Type"));
  if (message.contains("error")) throw std::runtime_error("JSON-RPC error: " + message["error"].dump());
  return std::move(message["result"]);
}

void HttpSession::open() {
  post(request_line(next_id_++, "initialize", initialize_params()), true);
  post(json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}.dump(), false);
}

json HttpSession::request(const std::string& method, const json& params) {
  return post(request_line(next_id_++, method, params), true);
}

void HttpSession::close() {
  httplib::Headers headers{{"Mcp-Session-Id", session_id_}};
  http_->Delete(kEndpoint, headers);
}

}  // namespace bench
