#include "upstream_overhead.hpp"

#include <httplib.h>

#include <stdexcept>

#include "servers.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

// The server's last upstream request, sent again by this process.
class Replay {
 public:
  Replay(const fakes::FakeTikTokServer& fake, const std::string& base_url) : http_(origin_of(base_url)) {
    const auto log = fake.requests();
    if (log.empty()) throw std::runtime_error("the server sent nothing upstream");
    path_ = std::string(fakes::FakeTikTokServer::kPrefix) + log.back().path;
    for (const auto& [k, v] : log.back().params) params_.emplace(k, v);
    headers_.emplace("Access-Token", kToken);
    http_.set_keep_alive(true);
    http_.set_tcp_nodelay(true);
  }

  double time_ms() {
    const auto started = Clock::now();
    auto res = http_.Get(path_, params_, headers_);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (!res || res->status != 200) throw std::runtime_error("the replayed upstream request failed");
    return ms;
  }

 private:
  static std::string origin_of(const std::string& base_url) {
    return base_url.substr(0, base_url.find('/', base_url.find("://") + 3));
  }

  httplib::Client http_;
  std::string path_;
  httplib::Params params_;
  httplib::Headers headers_;
};

}  // namespace

Overhead execute_overhead(test::StdioClient& client, fakes::FakeTikTokServer& fake, const nlohmann::json& call,
                          int runs, int warmup) {
  Overhead out;
  fake.reset_log();
  double ms = 0;
  nlohmann::json result;
  for (int i = 0; i < warmup; ++i) result = client.timed_request("tools/call", call, &ms);
  if (result.value("isError", false)) throw std::runtime_error("execute failed: " + result.dump().substr(0, 500));
  out.records = result["structuredContent"]["data"].size();
  out.response_bytes = result["content"][0]["text"].get<std::string>().size();
  Replay replay(fake, fake.base_url());
  for (int i = 0; i < warmup; ++i) replay.time_ms();
  std::vector<double> calls, upstream, added;
  for (int i = 0; i < runs; ++i) {
    client.timed_request("tools/call", call, &ms);
    const double up = replay.time_ms();
    calls.push_back(ms);
    upstream.push_back(up);
    added.push_back(ms - up);
  }
  fake.reset_log();
  out.call = summarize(calls);
  out.upstream = summarize(upstream);
  out.added = summarize(added);
  return out;
}

nlohmann::json to_json(const Overhead& o) {
  return {{"call", to_json(o.call, "ms")},
          {"upstream", to_json(o.upstream, "ms")},
          {"added", to_json(o.added, "ms")},
          {"records", o.records},
          {"response_bytes", o.response_bytes}};
}

}  // namespace bench
