#include "transport/post_exchange.hpp"

#include "jsonrpc/message.hpp"
#include "log/logger.hpp"
#include "mcp/session.hpp"
#include "transport/event_stream.hpp"
#include "transport/sse_format.hpp"

namespace transport {

namespace {

// A response (or a batch of them) rather than a notification or a request to the client.
bool is_answer(const nlohmann::json& message) { return message.is_array() || !message.contains("method"); }

}  // namespace

PostExchange::PostExchange(SessionUse use, std::vector<nlohmann::json> request_ids)
    : use_(std::move(use)), request_ids_(std::move(request_ids)) {}

mcp::ReplyChannel PostExchange::channel() {
  auto self = shared_from_this();
  return mcp::ReplyChannel{[self](const nlohmann::json& message) { self->add(message); },
                           [self] { self->finish(); }};
}

void PostExchange::add(const nlohmann::json& message) {
  std::lock_guard lock(mutex_);
  if (stream_) {
    stream_->push(sse_message(message));
    return;
  }
  held_.push_back(message);
  if (!is_answer(message) || held_.size() > 1) must_stream_ = true;
  changed_.notify_all();
}

void PostExchange::finish() {
  std::lock_guard lock(mutex_);
  finished_ = true;
  if (stream_) stream_->close();
  changed_.notify_all();
}

HttpResponse PostExchange::respond(std::chrono::milliseconds window) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, window, [this] { return finished_ || must_stream_; });
  if (finished_ && !must_stream_) {
    if (held_.empty()) return empty_response(202);  // nothing to answer (or all cancelled)
    return json_body(200, held_.front());
  }
  stream_ = std::make_shared<EventStream>();
  for (const auto& message : held_) stream_->push(sse_message(message));
  held_.clear();
  if (finished_) stream_->close();
  stream_->on_abandon([weak = weak_from_this()] {
    if (auto self = weak.lock()) self->cancel_requests();
  });
  HttpResponse response;
  response.content_type = "text/event-stream";
  response.stream = stream_;
  response.keep_alive = shared_from_this();
  return response;
}

void PostExchange::cancel_requests() {
  for (const auto& id : request_ids_) {
    if (use_->mcp().cancel(id)) logging::debug("http", "the client of request " + id.dump() + " went away; cancelled it");
  }
}

}  // namespace transport
