#include "transport/http_checks.hpp"

#include <algorithm>
#include <cctype>

#include "jsonrpc/error_codes.hpp"

namespace transport {

namespace {

std::string trimmed_lower(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The media type of a header value, without parameters: "Application/JSON; charset=x" -> "application/json".
std::string essence(std::string_view value) { return trimmed_lower(value.substr(0, value.find(';'))); }

// True for a media range whose parameters include q=0 ("not acceptable").
bool refused(std::string_view range) {
  for (auto semi = range.find(';'); semi != std::string_view::npos; semi = range.find(';', semi + 1)) {
    std::string param = trimmed_lower(range.substr(semi + 1, range.find(';', semi + 1) - semi - 1));
    param.erase(std::remove(param.begin(), param.end(), ' '), param.end());
    if (param == "q=0" || param == "q=0.0" || param == "q=0.00" || param == "q=0.000") return true;
  }
  return false;
}

}  // namespace

bool accepts(const HttpRequest& request, std::string_view media_type) {
  const auto header = request.header("Accept");
  if (!header) return true;
  const std::string wanted = trimmed_lower(media_type);
  const std::string any_subtype = wanted.substr(0, wanted.find('/')) + "/*";
  std::string_view rest = *header;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view range = rest.substr(0, comma);
    const std::string type = essence(range);
    if ((type == wanted || type == any_subtype || type == "*/*") && !refused(range)) return true;
    if (comma == std::string_view::npos) return false;
    rest.remove_prefix(comma + 1);
  }
}

std::optional<HttpResponse> check_json_content_type(const HttpRequest& request) {
  const auto header = request.header("Content-Type");
  if (header && essence(*header) == "application/json") return std::nullopt;
  return json_error(415, jsonrpc::kTransportError,
                    "Unsupported Media Type: the body must be JSON with Content-Type: application/json (got " +
                        (header ? "\"" + std::string(header->substr(0, 100)) + "\"" : std::string("no Content-Type")) +
                        ")");
}

std::optional<HttpResponse> check_body_size(const HttpRequest& request, std::size_t max_bytes) {
  if (request.body.size() <= max_bytes) return std::nullopt;
  return body_too_large(max_bytes);
}

HttpResponse body_too_large(std::size_t max_bytes) {
  return json_error(413, jsonrpc::kInvalidRequest,
                    "Payload Too Large: a message may have at most " + std::to_string(max_bytes) +
                        " bytes (the server's max_message_bytes); send smaller messages");
}

std::optional<HttpResponse> check_decodable(const jsonrpc::Payload& payload) {
  if (payload.is_batch || payload.entries.size() != 1 || !payload.entries.front().error) return std::nullopt;
  const jsonrpc::Decoded& entry = payload.entries.front();
  return json_body(400, jsonrpc::make_error(entry.error_id, *entry.error));
}

HttpResponse method_not_allowed(const HttpRequest& request, std::string_view allow, std::string_view advice) {
  HttpResponse response = json_error(405, jsonrpc::kTransportError,
                                     "Method Not Allowed: " + request.method + " " + request.path + " is not offered; " +
                                         std::string(advice));
  response.headers["Allow"] = std::string(allow);
  return response;
}

HttpResponse unknown_path(const HttpRequest& request, std::string_view endpoints) {
  return json_error(404, jsonrpc::kTransportError,
                    "Not Found: " + request.path.substr(0, 200) + " is not an endpoint of this server; " +
                        std::string(endpoints));
}

HttpResponse too_many_sessions(std::size_t max_sessions) {
  HttpResponse response = json_error(
      503, jsonrpc::kTransportError,
      "Service Unavailable: the server already has " + std::to_string(max_sessions) +
          " sessions (its max_sessions limit). End sessions you no longer use, or retry later.");
  response.headers["Retry-After"] = "30";
  return response;
}

HttpResponse session_not_found(std::string_view why, std::string_view advice) {
  return json_error(404, jsonrpc::kSessionNotFound,
                    "Session not found: " + std::string(why) + ". " + std::string(advice));
}

}  // namespace transport
