#pragma once
// Where the messages about one incoming payload go. The transport supplies it: stdio writes
// everything to stdout; Streamable HTTP writes to the POST's own response or SSE stream.

#include <functional>

#include <nlohmann/json.hpp>

namespace mcp {

struct ReplyChannel {
  // Sends one message (a response, a batch array, or a notification about the request).
  // May be called from any thread; implementations serialise their writes.
  std::function<void(const nlohmann::json& message)> send;
  // Called exactly once when the payload needs nothing more: after its last response, or
  // with no response at all (notifications, cancelled requests). May be empty.
  std::function<void()> done;
};

}  // namespace mcp
