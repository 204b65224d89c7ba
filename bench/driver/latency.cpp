#include "latency.hpp"

#include "servers.hpp"
#include "support/mcp_messages.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

double startup_once(const test::Command& server) {
  const nlohmann::json initialize = test::request(1, "initialize", initialize_params());
  const auto started = Clock::now();
  test::StdioClient client(server);
  client.send(initialize);
  const test::Response response = client.read_response(1, std::chrono::seconds(30));
  const double ms = std::chrono::duration<double, std::milli>(response.arrived - started).count();
  client.process().finish();
  return ms;
}

}  // namespace

Summary startup_ms(const test::Command& server, int runs, int warmup) {
  for (int i = 0; i < warmup; ++i) startup_once(server);
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) samples.push_back(startup_once(server));
  return summarize(std::move(samples));
}

Summary request_ms(test::StdioClient& client, const std::string& method, const nlohmann::json& params, int runs,
                   int warmup) {
  double ms = 0;
  for (int i = 0; i < warmup; ++i) client.timed_request(method, params, &ms);
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) {
    client.timed_request(method, params, &ms);
    samples.push_back(ms);
  }
  return summarize(std::move(samples));
}

}  // namespace bench
