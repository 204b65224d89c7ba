// The fake TikTok API as a process, for end-to-end tests and benchmarks written in other
// languages. Usage: fake_tiktok TOKEN [APP_ID APP_SECRET]
// Prints {"url": "<base url>"} on stdout, then reads commands, one JSON object per line:
//   {"fault": "code", "code": 40100, "times": 2}     queue body-code faults
//   {"fault": "code", "code": 40002, "message": "budget: ...", "path": "/campaign/update/"}
//                                                     only for that API path; other requests pass it by
//                                                     ("path" works with every fault kind)
//   {"fault": "stall", "ms": 5000}                    stall the next body
//   {"fault": "applied_then_stall", "ms": 5000}       apply the next request (a write takes effect),
//                                                     hold the answer that long, then drop the connection
//   {"fault": "delay", "ms": 200} | "html" | "reset" | "truncated" | "redirect" | {"fault": "status", "status": 503}
//   {"qps": 5}                                        answer 40100 above 5 requests per second
//   {"synthetic": {"campaigns": 100, "report_rows": 1000}}  serve bulk synthetic records
//   {"count": true}                                   prints {"requests": N}
//   {"log": true}                                     prints {"log": [{"method": "GET", "path": "/campaign/get/",
//                                                     "params": {...}, "body": null}, ...]}; a POST's body is
//                                                     its parsed JSON (the raw text when it does not parse)
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
  if (kind == "applied_then_stall") return Fault::applied_then_stall(ms);
  throw std::invalid_argument("unknown fault " + kind);
}

json body_of(const fakes::RecordedRequest& r) {
  if (r.body.empty()) return nullptr;
  json parsed = json::parse(r.body, nullptr, false);
  return parsed.is_discarded() ? json(r.body) : parsed;
}

// What each request asked for: the method, the API path (without the base), the decoded
// query and the body.
json request_log(const fakes::FakeTikTokServer& server) {
  json log = json::array();
  for (const auto& r : server.requests()) {
    log.push_back({{"method", r.method}, {"path", r.path}, {"params", r.params}, {"body", body_of(r)}});
  }
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
      if (command.contains("fault")) {
        const Fault fault = fault_from(command);
        server.queue(command.contains("path") ? fault.for_path(command["path"]) : fault, command.value("times", 1));
      }
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
