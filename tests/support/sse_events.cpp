#include "support/sse_events.hpp"

namespace test {

namespace {

bool is_field_name(std::string_view name) {
  return name == "event" || name == "data" || name == "id" || name == "retry";
}

// The event being read, line by line.
struct EventInProgress {
  SseEvent event;
  bool has_data = false;
  bool started = false;

  void take(std::string_view line, std::vector<std::string>& stray_lines) {
    started = true;
    if (line.front() == ':') return;
    const auto colon = line.find(':');
    const std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || !is_field_name(name)) {
      stray_lines.emplace_back(line);
      return;
    }
    std::string_view value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name == "event") {
      event.event = value;
    } else if (name == "data") {
      if (has_data) event.data += '\n';
      event.data += value;
      has_data = true;
    }
  }
};

}  // namespace

SseText parse_sse(std::string_view text) {
  SseText out;
  EventInProgress current;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos) {  // a last line without its end
      current.started = true;
      break;
    }
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      current.take(line, out.stray_lines);
      continue;
    }
    if (current.has_data) out.events.push_back(std::move(current.event));
    current = EventInProgress();
  }
  out.unfinished = current.started;
  return out;
}

}  // namespace test
