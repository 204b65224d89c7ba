#pragma once
// The events of a text/event-stream body, read the way the SSE format defines them: events end
// at a blank line, lines end in "\n" or "\r\n", a field is "name:value" with one space after
// the colon dropped, data lines are joined with newlines, and a line starting with ":" is a
// comment. Only events that carry data are kept, as a client dispatches only those.

#include <string>
#include <string_view>
#include <vector>

namespace test {

struct SseEvent {
  std::string event;  // its event field; empty when it had none
  std::string data;
};

struct SseText {
  std::vector<SseEvent> events;
  std::vector<std::string> stray_lines;  // neither a field (event, data, id, retry) nor a comment
  bool unfinished = false;               // the text ends inside an event, which is not in `events`
};

SseText parse_sse(std::string_view text);

}  // namespace test
