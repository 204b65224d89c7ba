#include "stdio_client.hpp"

#include <stdexcept>

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

json result_of(json response, const std::string& method) {
  if (response.contains("error")) throw std::runtime_error(method + " failed: " + response["error"].dump());
  return std::move(response["result"]);
}

}  // namespace

json initialize_params() {
  return {{"protocolVersion", "2025-06-18"},
          {"capabilities", json::object()},
          {"clientInfo", {{"name", "tmm-bench"}, {"version", "1.0"}}}};
}

std::string request_line(long long id, const std::string& method, const json& params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump() + "\n";
}

Response read_response(ChildProcess& process, long long id, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    auto line = process.read_line(left);
    if (!line) {
      const auto status = process.exit_status();
      throw std::runtime_error("no response to request " + std::to_string(id) +
                               (status ? " (the server exited with status " + std::to_string(*status) + ")" : ""));
    }
    const auto arrived = Clock::now();
    json message = json::parse(*line, nullptr, false);
    const bool answer = message.is_object() && !message.contains("method") && message.value("id", json()) == id;
    if (answer) return {std::move(message), arrived};  // anything else is a notification or a log line
  }
}

StdioClient::StdioClient(const Command& command) : process_(std::make_unique<ChildProcess>(command)) {}

json StdioClient::request(const std::string& method, json params, std::chrono::milliseconds timeout) {
  double ignored = 0;
  return timed_request(method, std::move(params), &ignored, timeout);
}

json StdioClient::timed_request(const std::string& method, json params, double* elapsed_ms,
                                std::chrono::milliseconds timeout) {
  const long long id = next_id_++;
  const std::string line = request_line(id, method, params);
  const auto started = Clock::now();
  process_->write(line);
  Response response = read_response(*process_, id, timeout);
  *elapsed_ms = std::chrono::duration<double, std::milli>(response.arrived - started).count();
  return result_of(std::move(response.message), method);
}

void StdioClient::notify(const std::string& method, json params) {
  process_->write(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump() + "\n");
}

json StdioClient::open_session() {
  json result = request("initialize", initialize_params());
  notify("notifications/initialized");
  return result;
}

}  // namespace bench
