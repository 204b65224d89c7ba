#include "transport/sse_format.hpp"

#include "jsonrpc/message.hpp"
#include "log/redactor.hpp"

namespace transport {

namespace {

// A field value must not contain a line break, which would end the field early.
std::string single_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

std::string sse_event(std::string_view data, std::string_view event) {
  std::string out;
  out.reserve(data.size() + 32);
  if (!event.empty()) out += "event: " + single_line(event) + "\n";
  std::size_t start = 0;
  while (true) {
    const std::size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out.append(data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + ((data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n') ? 2 : 1);
  }
  out += '\n';
  return out;
}

std::string sse_message(const nlohmann::json& message, std::string_view event) {
  return sse_event(logging::redact(jsonrpc::serialize(message)), event);
}

std::string sse_comment(std::string_view text) { return ":" + (text.empty() ? "" : " " + single_line(text)) + "\n\n"; }

}  // namespace transport
