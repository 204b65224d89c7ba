#include "load/load_run.hpp"

#include <fstream>
#include <iterator>
#include <map>

#include "fakes/fake_tiktok_server.hpp"
#include "load/baseline.hpp"
#include "load/http_load.hpp"
#include "load/memory_watch.hpp"
#include "load/rate_window.hpp"
#include "load/stdio_load.hpp"
#include "support/canaries.hpp"
#include "support/child_process.hpp"
#include "support/server_banner.hpp"
#include "tiktok/demo/demo_account.hpp"

extern char** environ;

namespace load {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kFakeThreads = 64;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Sanitizer settings pass through to the server, so a sanitized build reports the same way.
void pass_sanitizer_options(std::map<std::string, std::string>& env) {
  for (char** e = environ; e && *e; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (name.size() > 11 && name.ends_with("SAN_OPTIONS")) env[name] = entry.substr(name.size() + 1);
  }
}

std::map<std::string, std::string> server_environment(const LoadOptions& o, const std::string& base_url) {
  std::map<std::string, std::string> env{{"TIKTOK_MARKETING_ACCESS_TOKEN", canary::kTikTokAccessToken},
                                         {"TIKTOK_MARKETING_ADVERTISER_ID", tiktok::demo::kDefaultAdvertiserId},
                                         {"TIKTOK_MARKETING_API_BASE_URL", base_url},
                                         {"TIKTOK_MARKETING_RATE_LIMIT_QPS", std::to_string(o.qps)},
                                         {"TIKTOK_MARKETING_RATE_LIMIT_QPM", "1000000"},
                                         {"TIKTOK_MARKETING_LOG_LEVEL", "info"}};
  pass_sanitizer_options(env);
  return env;
}

// Enough time for the calls at the configured rate, three times over, plus a minute.
Clock::time_point deadline_for(const LoadOptions& o) {
  return Clock::now() + std::chrono::seconds(o.calls * 3 / o.qps + 60);
}

void run_http(const LoadOptions& o, test::ChildProcess& server, const std::string& log, ReplyLedger& ledger,
              RunFigures& f) {
  HttpLoadPlan plan;
  plan.port = test::wait_for_listening_port(log, server, std::chrono::seconds(20));
  plan.sessions = o.sessions;
  plan.calls = o.calls;
  plan.deadline = deadline_for(o);
  const auto started = Clock::now();
  HttpLoadStats stats = run_http_load(plan, ledger);
  f.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  f.sessions = o.sessions;
  f.concurrency = o.sessions;
  f.json_replies = stats.json_replies;
  f.event_stream_replies = stats.event_stream_replies;
  f.sessions_opened = stats.sessions_opened;
  f.sessions_closed = stats.sessions_closed;
  server.terminate();
}

void run_stdio(const LoadOptions& o, test::ChildProcess& server, ReplyLedger& ledger, RunFigures& f) {
  StdioLoadPlan plan;
  plan.calls = o.calls;
  plan.in_flight = o.in_flight;
  plan.deadline = deadline_for(o);
  const auto started = Clock::now();
  StdioLoadStats stats = run_stdio_load(plan, server, ledger);
  f.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  f.sessions = f.sessions_opened = f.sessions_closed = stats.initialized ? 1 : 0;
  f.concurrency = stats.most_in_flight;
}

std::size_t busiest_window(const std::vector<fakes::RecordedRequest>& requests, Clock::duration length) {
  std::vector<Clock::time_point> times;
  for (const auto& r : requests) times.push_back(r.at);
  return max_in_window(std::move(times), length);
}

}  // namespace

RunFigures run_load(const LoadOptions& o, Transport transport) {
  RunFigures f;
  f.transport = transport == Transport::Http ? "http" : "stdio";
  f.calls = o.calls;
  f.log_path = o.log_dir + "/load-" + f.transport + "-server.log";
  const std::string baseline_log = o.log_dir + "/load-" + f.transport + "-baseline.log";

  // A thread per keep-alive connection the server may hold (its 16 workers), with room to spare.
  fakes::FakeTikTokServer fake(canary::kTikTokAccessToken, "", "", kFakeThreads);
  const auto env = server_environment(o, fake.base_url());
  ReplyLedger ledger(fetch_baseline(o.binary, env, baseline_log), kPermanentCode);
  fake.reset_log();

  std::vector<std::string> argv{o.binary};
  if (transport == Transport::Http) argv = {o.binary, "--transport", "http", "--host", "127.0.0.1", "--port", "0"};
  test::ChildProcess server({argv, env, f.log_path});
  MemoryWatch memory(server.pid());
  FaultFeeder feeder(fake, o.fault_every, static_cast<std::size_t>(o.calls));
  if (transport == Transport::Http) {
    run_http(o, server, f.log_path, ledger, f);
  } else {
    run_stdio(o, server, ledger, f);
  }
  f.faults = feeder.stop();
  f.exit_status = server.wait(std::chrono::seconds(30)).value_or(-1);
  f.peak_rss_kib = memory.stop();

  const auto requests = fake.requests();
  f.upstream_requests = requests.size();
  f.max_per_second = busiest_window(requests, std::chrono::seconds(1));
  f.max_per_checked_window = busiest_window(requests, std::chrono::seconds(1) - std::chrono::milliseconds(o.jitter_ms));
  f.replies = ledger.tally();
  f.canary_in_log = canary::appears_in(read_file(f.log_path)) || canary::appears_in(read_file(baseline_log));
  return f;
}

}  // namespace load
