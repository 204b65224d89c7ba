#include "mcp/batch_collector.hpp"

namespace mcp {

BatchCollector::BatchCollector(ReplyChannel outer, std::size_t entries) : outer_(std::move(outer)), pending_(entries) {}

ReplyChannel BatchCollector::channel() {
  auto self = shared_from_this();
  return ReplyChannel{[self](const nlohmann::json& m) { self->add(m); }, [self] { self->entry_done(); }};
}

void BatchCollector::add(const nlohmann::json& message) {
  const bool is_response = message.contains("id") && (message.contains("result") || message.contains("error"));
  if (!is_response) {
    if (outer_.send) outer_.send(message);
    return;
  }
  std::lock_guard lock(mutex_);
  responses_.push_back(message);
}

void BatchCollector::entry_done() {
  nlohmann::json out;
  {
    std::lock_guard lock(mutex_);
    if (--pending_ > 0) return;
    out = std::move(responses_);
  }
  if (!out.empty() && outer_.send) outer_.send(out);
  if (outer_.done) outer_.done();
}

}  // namespace mcp
