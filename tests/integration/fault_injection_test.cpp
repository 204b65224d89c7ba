// Fault injection through the real execute tool, with short configured timeouts, against the
// fake TikTok server (every fault it can script) and the fake Airbyte server (the main ones).
// Every faulted call must end in an error result that names its category, within the call's
// deadline; the next call must succeed; and after a batch of faults, 50 MB answers among them,
// the process's resident memory must be back near where it started.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <vector>

#include "app/server_factory.hpp"
#include "fakes/fake_airbyte_server.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "fakes/loopback_server.hpp"
#include "support/session_client.hpp"
#include "support/time_scale.hpp"
#include "tiktok/demo/demo_account.hpp"

namespace {

using namespace std::chrono_literals;
using fakes::AirbyteFault;
using fakes::Fault;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

const std::string kToken = "canary-fault-token-2e7d91c4a8";
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;
constexpr const char* kClientId = "client-id-faults";
constexpr const char* kClientSecret = "client-secret-faults-654";
constexpr std::size_t kHuge = 50u << 20;

// Every duration grows with the time scale of a sanitized build (tests/support/time_scale.hpp).
const auto kConnectTimeout = test::scaled(300ms);
const auto kReadTimeout = test::scaled(500ms);
constexpr int kAttempts = 2;
const auto kRetryBudget = test::scaled(1000ms);
// The most one call may take by configuration: every attempt running out of time, plus every
// wait between attempts.
const auto kDeadline = kAttempts * (kConnectTimeout + kReadTimeout) + kRetryBudget;
// Slack for a loaded, shared machine: this bounds correctness (no hang, no unbounded retry),
// it is not a benchmark.
const auto kMargin = test::scaled(2000ms);
// The fake holds a slow answer this long, well past the read timeout.
const auto kSlow = test::scaled(1500ms);
// Long enough to read 32 MiB even on a busy machine.
const auto kPatientReadTimeout = test::scaled(5000ms);

config::UpstreamSettings short_timeouts() {
  return {.connect_timeout = kConnectTimeout,
          .read_timeout = kReadTimeout,
          .max_attempts = kAttempts,
          .retry_budget = kRetryBudget,
          .rate_limit_qps = 1000,  // the client-side limiter must not add waits of its own
          .rate_limit_qpm = 60000};
}

config::Config direct_config(const std::string& base_url) {
  config::Config c;
  c.tiktok.access_token = config::Secret(kToken);
  c.tiktok.advertiser_id = kAdv;
  c.tiktok.api_base_url = base_url;
  c.upstream = short_timeouts();
  c.workers = 4;
  return c;
}

config::Config hosted_config(const std::string& base_url, const std::string& connector_id) {
  config::Config c;
  c.airbyte.client_id = kClientId;
  c.airbyte.client_secret = config::Secret(kClientSecret);
  c.airbyte.external_user_id = "user-faults";
  c.airbyte.connector_id = connector_id;
  c.airbyte.api_base_url = base_url;
  c.tiktok.advertiser_id = kAdv;
  c.upstream = short_timeouts();
  c.workers = 4;
  return c;
}

// A URL on loopback where nothing listens: a fake server's, after it has gone.
std::string closed_port_url() {
  fakes::FakeTikTokServer gone(kToken);
  return gone.base_url();
}

struct Call {
  json result;
  std::chrono::milliseconds took;
};

struct Running {
  explicit Running(const config::Config& c) : app(app::build(c)), client(*app.server) { client.initialize(); }
  ~Running() { app.server->join(); }

  Call campaigns() {
    const auto started = Clock::now();
    json response = client.call("tiktok_marketing_execute",
                                {{"entity", "campaigns"}, {"action", "list"}, {"params", {{"page_size", 2}}}});
    return {response.value("result", json()),
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started)};
  }

  app::App app;
  test::SessionClient client;
};

std::string text_of(const json& result) {
  if (!result.is_object() || !result.contains("content")) return "";
  return result["content"][0].value("text", "");
}

bool is_error(const json& result) { return result.is_object() && result.value("isError", false); }

// The error result a fault must produce: an error, naming the category, in time.
void check_fault_result(const Call& call, const std::string& category) {
  INFO(call.result.dump().substr(0, 400));
  CHECK(is_error(call.result));
  CHECK_THAT(text_of(call.result), Catch::Contains("(" + category + ")"));
  CHECK_THAT(text_of(call.result), Catch::Contains("What to do:"));
  CHECK(call.took < kDeadline + kMargin);
}

void check_success(const Call& call) {
  INFO(text_of(call.result).substr(0, 400));
  REQUIRE(call.result.is_object());
  CHECK_FALSE(is_error(call.result));
  CHECK(call.result["structuredContent"]["data"].size() == 2);
}

struct TikTokRow {
  const char* name;
  Fault fault;
  int times;             // queued; the requests it reaches
  const char* category;  // as the error result names it
  const char* detail;    // a phrase the error result contains
};

std::vector<TikTokRow> tiktok_faults() {
  return {
      {"timeout before the headers", Fault::slow(kSlow), kAttempts, "timeout", "did not answer in time"},
      {"a body that stalls", Fault::stall(kSlow), kAttempts, "timeout", "did not answer in time"},
      {"connection reset mid-body", Fault::reset(), kAttempts, "network", "could not reach TikTok"},
      {"truncated JSON", Fault::truncated(), kAttempts, "unexpected response", "not the API's JSON envelope"},
      {"non-JSON body with HTTP 200", Fault::html(200), kAttempts, "unexpected response", "body starts: <html>"},
      {"HTML error page", Fault::html(502), kAttempts, "temporary upstream failure", "HTTP 502"},
      {"5xx burst", Fault::http(503), kAttempts, "temporary upstream failure", "HTTP 503"},
      {"40100 burst", Fault::body_code(40100, "Too many requests"), kAttempts, "rate limited", "code 40100"},
      {"a 50 MB response", Fault::huge(kHuge), 1, "unexpected response", "exceeded 33554432 bytes"},
      {"a redirect", Fault::redirect(), 1, "unexpected response", "redirect (HTTP 302) to https://elsewhere.example"},
  };
}

struct AirbyteRow {
  const char* name;
  AirbyteFault fault;
  const char* category;
  const char* detail;
};

std::vector<AirbyteRow> airbyte_faults() {
  return {
      {"5xx burst", AirbyteFault::http(503), "temporary upstream failure", "HTTP 503: execute campaigns.list"},
      {"429 burst", AirbyteFault::rate_limited(0), "rate limited", "HTTP 429: execute campaigns.list"},
      {"connection dropped mid-answer", AirbyteFault::dropped(), "network", "execute campaigns.list on connector"},
  };
}

// Answers every request with 50 MB sent in chunks, with no Content-Length: the client has to
// read up to its limit to learn that the answer is too large.
class ChunkedHugeServer {
 public:
  ChunkedHugeServer() {
    server_.http().Get(".*", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/json", [](std::size_t offset, httplib::DataSink& sink) {
        static const std::string chunk(1 << 20, ' ');
        if (offset >= kHuge) {
          sink.done();
          return true;
        }
        return sink.write(chunk.data(), chunk.size());
      });
    });
    server_.start();
  }

  std::string base_url() const { return server_.url() + fakes::FakeTikTokServer::kPrefix; }

 private:
  fakes::LoopbackServer server_;
};

// Resident set size of this process, from /proc/self/statm (pages, second field).
std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t total_pages = 0;
  std::size_t resident_pages = 0;
  statm >> total_pages >> resident_pages;
  return resident_pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

constexpr std::size_t kMiB = 1024 * 1024;

}  // namespace

TEST_CASE("every TikTok fault ends in a clear error result within the deadline, and the next call succeeds") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake.base_url()));
  check_success(r.campaigns());
  for (const auto& row : tiktok_faults()) {
    SECTION(row.name) {
      fake.reset_log();
      fake.queue(row.fault, row.times);
      Call faulted = r.campaigns();
      check_fault_result(faulted, row.category);
      CHECK_THAT(text_of(faulted.result), Catch::Contains(row.detail));
      CHECK(fake.count() == static_cast<std::size_t>(row.times));
      check_success(r.campaigns());
    }
  }
}

TEST_CASE("a refused connection ends in a network error within the deadline") {
  Running r(direct_config(closed_port_url()));
  Call call = r.campaigns();
  check_fault_result(call, "network");
  CHECK_THAT(text_of(call.result), Catch::Contains("could not reach TikTok"));
  CHECK_THAT(text_of(call.result), Catch::Contains("Attempts: 2"));
}

TEST_CASE("every Airbyte fault ends in a clear error result within the deadline, and the next call succeeds") {
  fakes::FakeAirbyteServer fake(kClientId, kClientSecret);
  const std::string connector = fake.add_connector("user-faults", "TikTok Ads (faults)");
  Running r(hosted_config(fake.url(), connector));
  check_success(r.campaigns());
  const std::string execute_path = "/api/v1/integrations/connectors/" + connector + "/execute";
  for (const auto& row : airbyte_faults()) {
    SECTION(row.name) {
      fake.queue(row.fault, execute_path, kAttempts);
      Call faulted = r.campaigns();
      check_fault_result(faulted, row.category);
      CHECK_THAT(text_of(faulted.result), Catch::Contains(row.detail));
      check_success(r.campaigns());
    }
  }
}

TEST_CASE("a refused connection to Airbyte ends in a network error within the deadline") {
  Running r(hosted_config(closed_port_url(), "connector-1"));
  Call call = r.campaigns();
  check_fault_result(call, "network");
  CHECK_THAT(text_of(call.result), Catch::Contains("get an application token: could not reach Airbyte"));
}

// Reading 32 MiB must not run out of time, even on a busy machine.
config::Config patient_config(const std::string& base_url) {
  config::Config c = direct_config(base_url);
  c.upstream.read_timeout = kPatientReadTimeout;
  return c;
}

TEST_CASE("a 50 MB answer without Content-Length is refused once 32 MiB have arrived") {
  ChunkedHugeServer huge;
  Running r(patient_config(huge.base_url()));
  Call call = r.campaigns();
  INFO(text_of(call.result));
  CHECK(is_error(call.result));
  CHECK_THAT(text_of(call.result), Catch::Contains("(unexpected response)"));
  CHECK_THAT(text_of(call.result), Catch::Contains("the response exceeded 33554432 bytes"));
  CHECK(call.took < kAttempts * (kConnectTimeout + kPatientReadTimeout) + kRetryBudget + kMargin);
}

TEST_CASE("resident memory returns to its baseline after a batch of faulted calls, 50 MB answers included") {
  fakes::FakeTikTokServer fake(kToken);
  ChunkedHugeServer huge;
  Running r(direct_config(fake.base_url()));
  Running chunked(patient_config(huge.base_url()));
  for (int i = 0; i < 3; ++i) check_success(r.campaigns());  // warm up threads, pools, caches
  const std::size_t baseline = resident_bytes();
  for (const auto& row : tiktok_faults()) {
    fake.queue(row.fault, row.times);
    CHECK(is_error(r.campaigns().result));
  }
  // Answers buffered up to the 32 MiB limit, enough for each worker thread to have had some.
  for (int i = 0; i < 8; ++i) CHECK(is_error(chunked.campaigns().result));
  check_success(r.campaigns());
  const std::size_t after = resident_bytes();
  const auto grown_mib = (static_cast<long long>(after) - static_cast<long long>(baseline)) / (1024 * 1024);
  INFO("resident: " << baseline / kMiB << " MiB before, " << after / kMiB << " MiB after");
  CHECK(grown_mib < 64);
}
