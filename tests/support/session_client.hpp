#pragma once
// Drives an mcp::Session in memory, as a client would, collecting every message it sends.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "mcp/server.hpp"
#include "mcp/session.hpp"

namespace test {

using nlohmann::json;

class SessionClient {
 public:
  explicit SessionClient(mcp::Server& server) : session_(server.open_session()) {}

  // Sends raw text and returns at once.
  void send_text(const std::string& text) {
    session_->receive(text, mcp::ReplyChannel{[this](const json& m) { push(m); }, nullptr});
  }
  void send(const json& message) { send_text(message.dump()); }

  // Sends a request and waits for the response with its id.
  json request(const std::string& method, json params = json::object(), json id = nullptr) {
    if (id.is_null()) id = next_id_++;
    json message{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null()) message["params"] = params;
    send(message);
    return wait_response(id);
  }

  json initialize(const std::string& version = "2025-11-25") {
    auto r = request("initialize", {{"protocolVersion", version},
                                    {"capabilities", json::object()},
                                    {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
    send(json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
    return r;
  }

  json call(const std::string& tool, json arguments, json meta = nullptr) {
    json params{{"name", tool}, {"arguments", arguments}};
    if (!meta.is_null()) params["_meta"] = meta;
    return request("tools/call", params);
  }

  json wait_response(const json& id, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    json found;
    cv_.wait_for(lock, timeout, [&] {
      for (const auto& m : messages_) {
        if (m.is_object() && m.contains("id") && m["id"] == id && !m.contains("method")) {
          found = m;
          return true;
        }
      }
      return false;
    });
    return found;
  }

  // Waits until at least n messages arrived.
  bool wait_count(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return messages_.size() >= n; });
  }

  std::vector<json> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

  std::vector<json> notifications(const std::string& method) {
    std::vector<json> out;
    for (const auto& m : messages()) {
      if (m.is_object() && m.value("method", "") == method) out.push_back(m);
    }
    return out;
  }

  mcp::Session& session() { return *session_; }

 private:
  void push(const json& m) {
    std::lock_guard lock(mutex_);
    messages_.push_back(m);
    cv_.notify_all();
  }

  std::shared_ptr<mcp::Session> session_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<json> messages_;
  int next_id_ = 1;
};

}  // namespace test
