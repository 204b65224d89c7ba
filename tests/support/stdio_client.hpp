#pragma once
// A raw JSON-RPC client for a stdio MCP server it starts: one JSON message per line out, and
// the line with the matching id back (notifications and anything else the server writes
// meanwhile are skipped). No SDK in between, so a timing is the server's cost plus a pipe
// round trip. Closes the server's stdin and waits for it (2 s) when it goes away.

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/line_reader.hpp"

namespace test {

struct Response {
  nlohmann::json message;
  std::chrono::steady_clock::time_point arrived;  // when its whole line had been read
};

class StdioClient {
 public:
  explicit StdioClient(const Command& command);
  ~StdioClient();

  // Writes one message line; throws std::runtime_error when the server closed its stdin.
  void send(const nlohmann::json& message);
  // Reads lines until the response to `id`; throws std::runtime_error after `timeout`.
  Response read_response(const nlohmann::json& id, std::chrono::milliseconds timeout);

  // Sends a request with the next id and waits for its result; throws when none comes within
  // `timeout` or the response is an error.
  nlohmann::json request(const std::string& method, nlohmann::json params,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));
  // The same, timed from the write to the arrival of the whole response line (the client's
  // parsing of the response is not part of the time).
  nlohmann::json timed_request(const std::string& method, nlohmann::json params, double* elapsed_ms,
                               std::chrono::milliseconds timeout = std::chrono::seconds(60));
  // initialize with these params, then notifications/initialized; the initialize result.
  nlohmann::json open_session(const nlohmann::json& initialize_params);

  ChildProcess& process() { return process_; }

 private:
  void write(const std::string& text);

  ChildProcess process_;
  LineReader lines_;
  long long next_id_ = 1;
};

}  // namespace test
