#pragma once
// Requests the server sends to the client (sampling/createMessage, elicitation/create,
// roots/list) and the wait for their answers. The session hands every response it receives
// to resolve(); a tool's worker thread blocks in call() until its answer, a cancellation or the
// timeout.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <unordered_map>

#include "jsonrpc/message.hpp"

namespace mcp {

using nlohmann::json;

class ClientRequests {
 public:
  using Send = std::function<void(const json& message)>;

  // Sends the request through `send` and waits. Returns the client's result. Throws
  // ProtocolError with the client's error, or when `stop` fires (after telling the client with
  // notifications/cancelled), or after `timeout`. Thread-safe.
  json call(const std::string& method, json params, const Send& send, std::stop_token stop,
            std::chrono::milliseconds timeout);

  // Hands a response to the call waiting for its id; false when none waits (unknown, late or
  // already answered: the caller ignores it).
  bool resolve(const jsonrpc::Message& response);

  std::size_t pending() const;

 private:
  struct Waiter {
    std::optional<json> response;  // the whole response message once it arrived
  };

  json next_id();
  void forget(const std::string& key);

  mutable std::mutex mutex_;
  std::condition_variable_any arrived_;
  std::unordered_map<std::string, std::shared_ptr<Waiter>> waiting_;
  std::uint64_t counter_ = 0;
};

}  // namespace mcp
