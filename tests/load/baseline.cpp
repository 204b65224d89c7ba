#include "load/baseline.hpp"

#include <stdexcept>

#include "load/child_process.hpp"
#include "load/line_reader.hpp"
#include "load/tool_calls.hpp"

namespace load {

namespace {

using nlohmann::json;

constexpr std::size_t kBaselineSize = 5;

// The answer with `id`, skipping anything else.
json answer_to(LineReader& lines, const json& id) {
  while (auto line = lines.next(std::chrono::seconds(15))) {
    json message = json::parse(*line, nullptr, false);
    if (message.is_object() && message.value("id", json()) == id) return message;
  }
  throw std::runtime_error("baseline: no answer to request " + id.dump());
}

}  // namespace

json fetch_baseline(const std::string& binary, const std::map<std::string, std::string>& env,
                    const std::string& log_path) {
  ChildProcess server(binary, {}, env, log_path);
  LineReader lines(server.stdout_fd());
  write_all(server.stdin_fd(), initialize_request().dump() + "\n");
  answer_to(lines, "init");
  write_all(server.stdin_fd(), R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                               "\n");
  write_all(server.stdin_fd(), campaigns_call(0, kBaselineSize).dump() + "\n");
  json answer = answer_to(lines, 0);
  server.close_stdin();
  server.wait(std::chrono::seconds(10));
  const json data =
      answer.value("result", json::object()).value("structuredContent", json::object()).value("data", json());
  if (!data.is_array() || data.size() != kBaselineSize)
    throw std::runtime_error("baseline: " + answer.dump().substr(0, 500));
  return data;
}

}  // namespace load
