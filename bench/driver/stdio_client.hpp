#pragma once
// A raw JSON-RPC client for a stdio MCP server: one JSON message per line out, and the line
// with the matching id back (notifications and log lines the server sends meanwhile are
// skipped). No SDK in between, so a timing is the server's cost plus a pipe round trip.

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "child_process.hpp"

namespace bench {

using nlohmann::json;

// The initialize request every benchmark sends (the newest protocol both servers speak).
json initialize_params();

class StdioClient {
 public:
  explicit StdioClient(const Command& command);

  // Sends a request and waits for its response; throws when none comes within `timeout` or
  // the response is an error.
  json request(const std::string& method, json params,
               std::chrono::milliseconds timeout = std::chrono::seconds(60));
  // The same, timed from the write to the arrival of the whole response line (the client's
  // parsing of the response is not part of the time).
  json timed_request(const std::string& method, json params, double* elapsed_ms,
                     std::chrono::milliseconds timeout = std::chrono::seconds(60));
  void notify(const std::string& method, json params = json::object());
  // initialize, then notifications/initialized.
  json open_session();

  ChildProcess& process() { return *process_; }

 private:
  std::unique_ptr<ChildProcess> process_;
  long long next_id_ = 1;
};

// The text of a line-delimited JSON-RPC request.
std::string request_line(long long id, const std::string& method, const json& params);

struct Response {
  json message;
  std::chrono::steady_clock::time_point arrived;  // when its whole line had been read
};

// Reads lines until the response to `id`; throws after `timeout`.
Response read_response(ChildProcess& process, long long id, std::chrono::milliseconds timeout);

}  // namespace bench
