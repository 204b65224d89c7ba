#pragma once
// Helpers for driving the HTTP transports' handlers in memory: building requests, opening a
// session, and reading the events of an SSE reply.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mcp/server.hpp"
#include "support/test_tools.hpp"
#include "transport/event_stream.hpp"
#include "transport/http_handler.hpp"

namespace test {

using nlohmann::json;

inline mcp::ServerOptions test_server_options() {
  mcp::ServerOptions options;
  options.info = {"http-test", "", "1", ""};
  options.workers = 4;
  return options;
}

// A tool named "block" that reports progress, then runs until cancelled (at most 60 s),
// counting the calls that saw their cancellation.
struct BlockingTool {
  std::shared_ptr<std::atomic<int>> cancelled = std::make_shared<std::atomic<int>>(0);

  void add_to(mcp::Server& server) const {
    server.tools().add(mcp::Tool{"block", "", "Blocks until cancelled.", json{{"type", "object"}}, std::nullopt, {},
                                 [count = cancelled](const json&, mcp::ToolContext& context) {
                                   context.report_progress(1, 2);
                                   std::mutex mutex;
                                   std::condition_variable_any never;
                                   std::unique_lock lock(mutex);
                                   never.wait_for(lock, context.stop_token(), std::chrono::seconds(60),
                                                  [] { return false; });
                                   if (context.cancelled()) ++*count;
                                   return mcp::ToolResult::text("done");
                                 }});
  }
  int count() const { return cancelled->load(); }
};

inline json call_block(int id, json meta = nullptr) {
  json params{{"name", "block"}, {"arguments", json::object()}};
  if (!meta.is_null()) params["_meta"] = std::move(meta);
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"}, {"params", std::move(params)}};
}

inline transport::HttpRequest http_request(std::string method, std::string path, std::string body = {}) {
  transport::HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.body = std::move(body);
  request.headers["Host"] = "127.0.0.1:8000";
  if (request.method == "POST") {
    request.headers["Content-Type"] = "application/json";
    request.headers["Accept"] = "application/json, text/event-stream";
  }
  return request;
}

inline transport::HttpRequest mcp_post(const json& message, const std::string& session_id = {}) {
  auto request = http_request("POST", "/mcp", message.dump());
  if (!session_id.empty()) request.headers["Mcp-Session-Id"] = session_id;
  return request;
}

inline json rpc(int id, const std::string& method, json params = json::object()) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

inline json initialize_request(int id = 0) {
  return rpc(id, "initialize",
             {{"protocolVersion", "2025-11-25"},
              {"capabilities", json::object()},
              {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
}

inline json notification(const std::string& method, json params = json::object()) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

inline json body_of(const transport::HttpResponse& response) { return json::parse(response.body); }

// The data of each complete event in `text`.
inline std::vector<std::string> event_data(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto end = text.find("\n\n"); end != std::string::npos; end = text.find("\n\n", start)) {
    std::string event = text.substr(start, end - start);
    start = end + 2;
    std::string data;
    std::size_t line_start = 0;
    while (line_start <= event.size()) {
      auto line_end = event.find('\n', line_start);
      std::string line = event.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
      if (line.rfind("data: ", 0) == 0) data += (data.empty() ? "" : "\n") + line.substr(6);
      if (line_end == std::string::npos) break;
      line_start = line_end + 1;
    }
    if (!data.empty()) out.push_back(data);
  }
  return out;
}

// Reads a stream until `done` holds for the JSON messages seen so far, the stream finishes,
// or 10 s pass. Returns the messages.
template <typename Predicate>
std::vector<json> read_messages(transport::EventStream& stream, Predicate done) {
  std::string text;
  std::vector<json> messages;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    auto chunk = stream.next(std::chrono::milliseconds(100));
    text += chunk.text;
    messages.clear();
    for (const auto& data : event_data(text)) messages.push_back(json::parse(data));
    if (done(messages) || chunk.finished) break;
  }
  return messages;
}

inline bool has_response(const std::vector<json>& messages, const json& id) {
  for (const auto& m : messages) {
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return true;
  }
  return false;
}

}  // namespace test
