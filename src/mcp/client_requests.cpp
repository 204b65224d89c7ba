#include "mcp/client_requests.hpp"

#include "jsonrpc/error_codes.hpp"
#include "mcp/protocol_error.hpp"

namespace mcp {

json ClientRequests::next_id() {
  std::lock_guard lock(mutex_);
  // A prefix of our own keeps these ids apart from the client's ids in logs.
  return "server-" + std::to_string(++counter_);
}

void ClientRequests::forget(const std::string& key) {
  std::lock_guard lock(mutex_);
  waiting_.erase(key);
}

std::size_t ClientRequests::pending() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

json ClientRequests::call(const std::string& method, json params, const Send& send, std::stop_token stop,
                          std::chrono::milliseconds timeout) {
  const json id = next_id();
  const std::string key = jsonrpc::id_key(id);
  auto waiter = std::make_shared<Waiter>();
  {
    std::lock_guard lock(mutex_);
    waiting_[key] = waiter;
  }
  json request{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) request["params"] = std::move(params);
  send(request);

  bool answered = false;
  {
    std::unique_lock lock(mutex_);
    answered = arrived_.wait_for(lock, stop, timeout, [&] { return waiter->response.has_value(); });
  }
  forget(key);
  if (!answered) {
    if (stop.stop_requested()) {
      send(jsonrpc::make_notification("notifications/cancelled",
                                      {{"requestId", id}, {"reason", "the call that asked for it was cancelled"}}));
      throw ProtocolError(jsonrpc::kInternalError, "Request cancelled: " + method + " was abandoned because the call "
                                                                                    "waiting for it was cancelled");
    }
    send(jsonrpc::make_notification("notifications/cancelled", {{"requestId", id}, {"reason", "timed out"}}));
    throw ProtocolError(jsonrpc::kInternalError, "Request timed out: the client did not answer " + method + " within " +
                                                     std::to_string(timeout.count() / 1000) + " s");
  }
  const json& response = *waiter->response;
  if (response.contains("error")) {
    const json& error = response["error"];
    int code = jsonrpc::kInternalError;
    std::string message = "the client answered " + method + " with an error";
    if (error.is_object()) {
      if (error.contains("code") && error["code"].is_number_integer()) code = error["code"].get<int>();
      if (error.contains("message") && error["message"].is_string()) message = error["message"].get<std::string>();
    }
    throw ProtocolError(code, message, error.is_object() ? error.value("data", json()) : json());
  }
  return response["result"];
}

bool ClientRequests::resolve(const jsonrpc::Message& response) {
  {
    std::lock_guard lock(mutex_);
    auto it = waiting_.find(jsonrpc::id_key(response.id));
    if (it == waiting_.end() || it->second->response) return false;
    it->second->response = response.body;
  }
  arrived_.notify_all();
  return true;
}

}  // namespace mcp
