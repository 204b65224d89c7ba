#include "load/baseline.hpp"

#include <stdexcept>

#include "load/tool_calls.hpp"
#include "support/mcp_messages.hpp"
#include "support/stdio_client.hpp"

namespace load {

namespace {

using nlohmann::json;

constexpr std::size_t kBaselineSize = 5;
constexpr std::chrono::seconds kAnswerTimeout(15);

}  // namespace

json fetch_baseline(const std::string& binary, const std::map<std::string, std::string>& env,
                    const std::string& log_path) {
  test::StdioClient server({{binary}, env, log_path});
  server.send(initialize_request());
  server.read_response("init", kAnswerTimeout);
  server.send(test::initialized_notification());
  server.send(campaigns_call(0, kBaselineSize));
  const json answer = server.read_response(0, kAnswerTimeout).message;
  server.process().close_stdin();
  server.process().wait(std::chrono::seconds(10));
  const json data =
      answer.value("result", json::object()).value("structuredContent", json::object()).value("data", json());
  if (!data.is_array() || data.size() != kBaselineSize)
    throw std::runtime_error("baseline: " + answer.dump().substr(0, 500));
  return data;
}

}  // namespace load
