// The fake TikTok API as a process, for end-to-end tests and benchmarks written in other
// languages. Usage: fake_tiktok TOKEN [APP_ID APP_SECRET]
// Prints {"url": "<base url>"} on stdout, then reads commands, one JSON object per line:
//   {"fault": "code", "code": 40100, "times": 2}     queue body-code faults
//   {"fault": "stall", "ms": 5000}                    stall the next body
//   {"fault": "delay", "ms": 200} | "html" | "reset" | "truncated" | "redirect" | {"fault": "status", "status": 503}
//   {"qps": 5}                                        answer 40100 above 5 requests per second
//   {"synthetic": {"campaigns": 100, "report_rows": 1000}}  serve bulk synthetic records
//   {"count": true}                                   prints {"requests": N}
//   {"log": true}                                     prints {"log": [{"path": "/campaign/get/", "params": {...}}, ...]}
// Exits at end of input.

#include <iostream>
#include <string>

#include "fakes/fake_tiktok_server.hpp"

namespace {

using fakes::Fault;
using nlohmann::json;

Fault fault_from(const json& command) {
  const std::string kind = command.value("fault", "");
  const auto ms = std::chrono::milliseconds(command.value("ms", 0));
  if (kind == "code") return Fault::body_code(command.value("code", 50000), command.value("message", "fault"));
  if (kind == "status") return Fault::http(command.value("status", 500));
  if (kind == "stall") return Fault::stall(ms);
  if (kind == "delay") return Fault::slow(ms);
  if (kind == "html") return Fault::html(command.value("status", 502));
  if (kind == "reset") return Fault::reset();
  if (kind == "truncated") return Fault::truncated();
  if (kind == "redirect") return Fault::redirect();
  if (kind == "huge") return Fault::huge(command.value("bytes", 1 << 20));
  throw std::invalid_argument("unknown fault " + kind);
}

// What each request asked for: the API path (without the base) and the decoded query.
json request_log(const fakes::FakeTikTokServer& server) {
  json log = json::array();
  for (const auto& r : server.requests()) log.push_back({{"path", r.path}, {"params", r.params}});
  return log;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fake_tiktok TOKEN [APP_ID APP_SECRET]\n";
    return 2;
  }
  fakes::FakeTikTokServer server(argv[1], argc > 3 ? argv[2] : "", argc > 3 ? argv[3] : "");
  std::cout << json{{"url", server.base_url()}}.dump() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
    json command = json::parse(line, nullptr, false);
    if (!command.is_object()) continue;
    try {
      if (command.contains("fault")) server.queue(fault_from(command), command.value("times", 1));
      if (command.contains("qps")) server.limit_qps(command["qps"].get<int>());
      if (command.contains("synthetic")) {
        const json& sizes = command["synthetic"];
        server.serve_synthetic({sizes.value("campaigns", std::size_t{0}), sizes.value("report_rows", std::size_t{0})});
      }
      if (command.contains("count")) std::cout << json{{"requests", server.count()}}.dump() << std::endl;
      if (command.contains("log")) std::cout << json{{"log", request_log(server)}}.dump() << std::endl;
    } catch (const std::exception& e) {
      std::cerr << "fake_tiktok: " << e.what() << "\n";
    }
  }
  return 0;
}
