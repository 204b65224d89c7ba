#include "load/reply_body.hpp"

#include <sstream>
#include <stdexcept>

namespace load {

namespace {

using nlohmann::json;

json parse(const std::string& text) {
  json message = json::parse(text, nullptr, false);
  if (message.is_discarded()) throw std::runtime_error("a reply that is not JSON: " + text.substr(0, 200));
  return message;
}

// Events are separated by blank lines; an event's data lines are joined with newlines.
std::vector<json> messages_in_stream(const std::string& body) {
  std::vector<json> messages;
  std::istringstream lines(body);
  std::string line;
  std::string data;
  bool has_data = false;
  auto finish_event = [&] {
    if (has_data) messages.push_back(parse(data));
    data.clear();
    has_data = false;
  };
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish_event();
    } else if (line.rfind("data:", 0) == 0) {
      std::string value = line.substr(5);
      if (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (has_data) data += '\n';
      data += value;
      has_data = true;
    }
    // comments (":") and the event, id and retry fields carry no message
  }
  finish_event();
  return messages;
}

}  // namespace

std::vector<json> messages_in_body(const std::string& content_type, const std::string& body) {
  if (content_type.rfind("text/event-stream", 0) == 0) return messages_in_stream(body);
  if (content_type.rfind("application/json", 0) != 0)
    throw std::runtime_error("unexpected content type " + content_type);
  json message = parse(body);
  if (message.is_array()) return message.get<std::vector<json>>();
  return {std::move(message)};
}

}  // namespace load
