#include "support/stdio_client.hpp"

#include <stdexcept>

#include "support/mcp_messages.hpp"

namespace test {

namespace {

using nlohmann::json;
using StdioClock = std::chrono::steady_clock;

json result_of(json response, const std::string& method) {
  if (response.contains("error")) throw std::runtime_error(method + " failed: " + response["error"].dump());
  return std::move(response["result"]);
}

}  // namespace

StdioClient::StdioClient(const Command& command) : process_(command), lines_(process_.stdout_fd()) {}

StdioClient::~StdioClient() { process_.finish(std::chrono::seconds(2)); }

void StdioClient::send(const json& message) { write(message.dump() + "\n"); }

void StdioClient::write(const std::string& text) {
  if (!write_all(process_.stdin_fd(), text)) throw std::runtime_error("the server closed its stdin");
}

Response StdioClient::read_response(const json& id, std::chrono::milliseconds timeout) {
  const auto deadline = StdioClock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - StdioClock::now());
    auto line = lines_.next(left);
    if (!line) {
      const auto status = process_.wait(std::chrono::milliseconds(0));
      throw std::runtime_error("no response to request " + id.dump() +
                               (status ? " (the server exited with status " + std::to_string(*status) + ")" : ""));
    }
    const auto arrived = StdioClock::now();
    json message = json::parse(*line, nullptr, false);
    const bool answer = message.is_object() && !message.contains("method") && message.value("id", json()) == id;
    if (answer) return {std::move(message), arrived};
  }
}

json StdioClient::request(const std::string& method, json params, std::chrono::milliseconds timeout) {
  double ignored = 0;
  return timed_request(method, std::move(params), &ignored, timeout);
}

json StdioClient::timed_request(const std::string& method, json params, double* elapsed_ms,
                                std::chrono::milliseconds timeout) {
  const long long id = next_id_++;
  const std::string line = test::request(id, method, std::move(params)).dump() + "\n";
  const auto started = StdioClock::now();
  write(line);
  Response response = read_response(id, timeout);
  *elapsed_ms = std::chrono::duration<double, std::milli>(response.arrived - started).count();
  return result_of(std::move(response.message), method);
}

json StdioClient::open_session(const json& initialize_params) {
  json result = request("initialize", initialize_params);
  send(initialized_notification());
  return result;
}

}  // namespace test
