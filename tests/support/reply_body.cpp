#include "support/reply_body.hpp"

#include <stdexcept>

#include "support/sse_events.hpp"

namespace test {

namespace {

using nlohmann::json;

json parse_reply(const std::string& text) {
  json message = json::parse(text, nullptr, false);
  if (message.is_discarded()) throw std::runtime_error("a reply that is not JSON: " + text.substr(0, 200));
  return message;
}

}  // namespace

std::vector<json> messages_in_body(const std::string& content_type, const std::string& body) {
  if (content_type.rfind("text/event-stream", 0) == 0) {
    const SseText stream = parse_sse(body);
    if (stream.unfinished) throw std::runtime_error("an event stream that ends inside an event");
    std::vector<json> messages;
    for (const auto& event : stream.events) messages.push_back(parse_reply(event.data));
    return messages;
  }
  if (content_type.rfind("application/json", 0) != 0)
    throw std::runtime_error("unexpected content type " + content_type);
  json message = parse_reply(body);
  if (message.is_array()) return message.get<std::vector<json>>();
  return {std::move(message)};
}

}  // namespace test
