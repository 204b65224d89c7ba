#pragma once
// Gathers the responses to a JSON-RPC batch (protocol 2025-03-26) into one array, sent once
// every entry has finished. Notifications about the entries pass straight through.

#include <cstddef>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "mcp/reply_channel.hpp"

namespace mcp {

class BatchCollector : public std::enable_shared_from_this<BatchCollector> {
 public:
  BatchCollector(ReplyChannel outer, std::size_t entries);

  // A channel for one entry of the batch; keeps the collector alive.
  ReplyChannel channel();

 private:
  void add(const nlohmann::json& message);
  void entry_done();

  ReplyChannel outer_;
  std::size_t pending_;
  std::mutex mutex_;
  nlohmann::json responses_ = nlohmann::json::array();
};

}  // namespace mcp
