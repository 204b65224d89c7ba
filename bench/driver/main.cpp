// tmm_bench: measures tiktok-marketing-mcp (and, for comparison, a reference MCP server) the
// way clients use them, against the fake TikTok API on loopback, and writes the figures as
// JSON. bench/run.sh builds it, runs it and renders bench/RESULTS.md from its output.
//
//   tmm_bench --binary PATH [--out FILE] [--quick] [--no-callgrind] [--reference CMD ARG...]
// (--reference takes the rest of the command line.)

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <thread>

#include "callgrind.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "http_load.hpp"
#include "latency.hpp"
#include "servers.hpp"
#include "support/process_memory.hpp"
#include "support/server_banner.hpp"
#include "upstream_overhead.hpp"

namespace {

using bench::Setup;
using nlohmann::json;

struct Options {
  Setup setup;
  std::string out;
  bool quick = false;  // few runs: checks that everything works, figures are rough
  bool callgrind = true;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--binary" && i + 1 < argc) {
      o.setup.binary = argv[++i];
    } else if (arg == "--out" && i + 1 < argc) {
      o.out = argv[++i];
    } else if (arg == "--quick") {
      o.quick = true;
    } else if (arg == "--no-callgrind") {
      o.callgrind = false;
    } else if (arg == "--reference") {
      while (i + 1 < argc) o.setup.reference.push_back(argv[++i]);
    } else {
      throw std::invalid_argument("unknown argument " + arg);
    }
  }
  if (o.setup.binary.empty()) throw std::invalid_argument("--binary is required");
  return o;
}

// Runs counts scaled down for --quick.
int runs(const Options& o, int full) { return o.quick ? std::max(3, full / 20) : full; }

json memory_json(pid_t pid) {
  const test::ProcessMemory m = test::memory_of(pid);
  return {{"rss_mib", m.rss_kib / 1024.0}, {"peak_mib", m.peak_kib / 1024.0}};
}

void step(const std::string& what) { std::cerr << "bench: " << what << "\n"; }

json idle_memory(test::StdioClient& client) {
  client.request("tools/list", json::object());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  return memory_json(client.process().pid());
}

// Start-up, tools/list and one cheap call on a server, plus its memory once initialized.
json basics(const Options& o, const test::Command& server, const json& simple_call, int startup_runs) {
  json out;
  step("start-up of " + server.argv.front());
  out["startup"] = to_json(bench::startup_ms(server, startup_runs), "ms");
  test::StdioClient client(server);
  client.open_session(bench::initialize_params());
  out["idle_memory"] = idle_memory(client);
  step("tools/list and a simple call on " + server.argv.front());
  out["tools_list"] = to_json(bench::request_ms(client, "tools/list", json::object(), runs(o, 500)), "ms");
  out["simple_call"] = to_json(bench::request_ms(client, "tools/call", simple_call, runs(o, 500)), "ms");
  return out;
}

json execute_calls(const Options& o, fakes::FakeTikTokServer& fake) {
  json out;
  test::StdioClient client(bench::ours_stdio(o.setup));
  client.open_session(bench::initialize_params());
  step("execute: 100 campaigns");
  out["campaigns"] = to_json(bench::execute_overhead(client, fake, bench::list_campaigns_call(), runs(o, 400)));
  step("execute: a 1,000-row report page");
  out["report_page"] = to_json(bench::execute_overhead(client, fake, bench::report_page_call(), runs(o, 150)));
  out["memory_after"] = memory_json(client.process().pid());
  return out;
}

json http_throughput(const Options& o) {
  json out = json::array();
  // Kept when the server does not start, for the error to point at.
  const std::string log = "/tmp/tmm-bench-http." + std::to_string(::getpid()) + ".log";
  test::ChildProcess server(bench::ours_http(o.setup, log));
  const int port = test::wait_for_listening_port(log, server, std::chrono::seconds(10));
  const auto duration = std::chrono::milliseconds(o.quick ? 500 : 3000);
  for (int sessions : {1, 8, 64}) {
    step("Streamable HTTP, " + std::to_string(sessions) + " sessions");
    std::vector<double> rates;
    long long failures = 0;
    for (int r = 0; r < (o.quick ? 1 : 5); ++r) {
      const auto result = bench::closed_loop(port, sessions, bench::list_campaigns_call(), duration);
      rates.push_back(result.calls_per_second);
      failures += result.failures;
    }
    out.push_back({{"sessions", sessions},
                   {"calls_per_second", to_json(bench::summarize(rates), "calls/s")},
                   {"failures", failures}});
  }
  json result{{"runs", out}, {"memory_after", memory_json(server.pid())}};
  server.terminate();
  server.wait(std::chrono::seconds(10));
  ::unlink(log.c_str());
  return result;
}

json instructions(const Options& o) {
  step("callgrind: instructions per call");
  json out;
  const auto campaigns = bench::instructions_per_call(o.setup, bench::list_campaigns_call(), o.quick ? 2 : 10);
  const auto report = bench::instructions_per_call(o.setup, bench::report_page_call(), o.quick ? 1 : 3);
  out["campaigns"] = campaigns.per_call;
  out["report_page"] = report.per_call;
  out["session_without_calls"] = campaigns.session;
  return out;
}

json run(const Options& o, fakes::FakeTikTokServer& fake) {
  json results;
  results["ours"] = basics(o, bench::ours_stdio(o.setup), bench::ours_simple_call(), runs(o, 200));
  if (!o.setup.reference.empty()) {
    results["reference"] = basics(o, bench::reference_stdio(o.setup), bench::reference_simple_call(), runs(o, 30));
  }
  results["execute"] = execute_calls(o, fake);
  results["http"] = http_throughput(o);
  if (o.callgrind) results["instructions"] = instructions(o);
  results["quick"] = o.quick;
  return results;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options options = parse(argc, argv);
    fakes::FakeTikTokServer fake(bench::kToken, "", "", 128);
    fake.serve_synthetic({100, 1000});
    options.setup.upstream_url = fake.base_url();
    const json results = run(options, fake);
    if (options.out.empty()) {
      std::cout << results.dump(2) << "\n";
    } else {
      std::ofstream(options.out) << results.dump(2) << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "tmm_bench: " << e.what() << "\n";
    return 1;
  }
}
