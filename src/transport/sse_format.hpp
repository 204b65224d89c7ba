#pragma once
// Server-Sent Events framing (WHATWG HTML, "event stream interpretation"): fields as
// "name: value" lines, one blank line ending each event.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace transport {

// One event. Every line of `data` becomes its own "data:" line (CR, LF and CRLF all split), so
// a receiver rebuilds `data` exactly; `event` names the type (empty: the default "message").
std::string sse_event(std::string_view data, std::string_view event = {});

// One JSON-RPC message as an event, serialised compactly with secrets redacted.
std::string sse_message(const nlohmann::json& message, std::string_view event = {});

// A comment line, which receivers ignore: used to keep the connection alive and to notice
// a client that went away.
std::string sse_comment(std::string_view text = {});

}  // namespace transport
