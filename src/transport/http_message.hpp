#pragma once
// HTTP requests and responses as plain data, so the transports' logic (checks, sessions,
// JSON or SSE replies) runs and is tested without sockets; http_server.cpp adapts cpp-httplib
// to these types.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace transport {

class EventStream;

// Header names compare case-insensitively, as HTTP says.
struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using HttpHeaders = std::map<std::string, std::string, CaseInsensitiveLess>;

struct HttpRequest {
  std::string method;                        // "GET", "POST", "DELETE", ...
  std::string path;                          // without the query
  std::map<std::string, std::string> query;  // decoded query parameters
  HttpHeaders headers;
  std::string body;

  // The header's value, or nullopt when absent.
  std::optional<std::string_view> header(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;
  std::string content_type;  // empty: no body
  std::string body;
  // Set for a Server-Sent Events reply: the adapter sends its events until it finishes.
  std::shared_ptr<EventStream> stream;
  // Held by the adapter until the reply is fully sent (what the stream's producers need).
  std::shared_ptr<void> keep_alive;
};

// A reply with no body (202 Accepted, 200 after DELETE).
HttpResponse empty_response(int status);

// A JSON-RPC error with a null id as the body of an HTTP error (the shape the TypeScript SDK
// uses), e.g. 404 with -32001 "Session not found".
HttpResponse json_error(int status, int code, std::string message);

// A JSON body (one message or a batch array), secrets redacted.
HttpResponse json_body(int status, const nlohmann::json& body);

}  // namespace transport
