// The TikTok client against the fake TikTok server on loopback: headers and encoding, body-code
// classification, retries with backoff, and every kind of broken response.

#include <catch2/catch.hpp>

#include <thread>

#include "execution/upstream_error.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "net/http_client.hpp"
#include "support/canaries.hpp"
#include "tiktok/client.hpp"
#include "tiktok/demo/demo_account.hpp"

using namespace std::chrono_literals;
using execution::ErrorCategory;
using execution::UpstreamError;
using fakes::Fault;
using nlohmann::json;

namespace {

const std::string kToken = canary::kTikTokAccessToken;
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;

struct Harness {
  explicit Harness(net::HttpClientOptions http = {}, upstream::RetryPolicy retry = {}, std::string token = kToken)
      : fake(kToken), transport(http) {
    tiktok::ClientOptions options;
    options.base_url = fake.base_url();
    options.access_token = std::move(token);
    options.retry = retry;
    client = std::make_unique<tiktok::Client>(transport, nullptr, options,
                                              [this](std::chrono::milliseconds d, const std::stop_token& stop) {
                                                sleeps.push_back(d);
                                                return !stop.stop_requested();
                                              });
  }

  tiktok::Envelope campaigns(const std::stop_token& stop = {}) {
    return client->get("campaign/get/", json{{"advertiser_id", kAdv}, {"page_size", 2}}, stop);
  }

  UpstreamError failure(const std::stop_token& stop = {}) {
    try {
      campaigns(stop);
    } catch (const UpstreamError& e) {
      return e;
    }
    FAIL("expected an UpstreamError");
    throw;
  }

  fakes::FakeTikTokServer fake;
  net::HttpClient transport;
  std::unique_ptr<tiktok::Client> client;
  std::vector<std::chrono::milliseconds> sleeps;
};

}  // namespace

TEST_CASE("requests carry the Access-Token header, a trailing slash and JSON-encoded arrays") {
  Harness h;
  auto e = h.client->get("campaign/get/",
                         json{{"advertiser_id", kAdv}, {"fields", json{"campaign_id", "budget"}},
                              {"filtering", {{"campaign_ids", json{"1800000001001000000"}}}}},
                         {});
  CHECK(e.code == 0);
  CHECK(e.data["list"].size() == 1);
  auto r = h.fake.requests().at(0);
  CHECK(r.path == "/campaign/get/");
  CHECK(r.headers["Access-Token"] == kToken);
  CHECK(r.headers.count("Authorization") == 0);
  CHECK(r.params["fields"] == R"(["campaign_id","budget"])");
  CHECK(r.params["filtering"] == R"({"campaign_ids":["1800000001001000000"]})");
  CHECK(r.params["advertiser_id"] == kAdv);
}

TEST_CASE("a wrong token is an authentication error, not an empty list, and is not retried") {
  Harness h({}, {}, canary::kWrongTikTokToken);
  auto e = h.failure();
  CHECK(e.category() == ErrorCategory::Auth);
  CHECK(e.details().code == 40105);
  CHECK(h.fake.count() == 1);
  CHECK_FALSE(canary::appears_in(e.describe()));
}

TEST_CASE("rate-limit and transient codes are retried with growing backoff, then succeed") {
  Harness h;
  h.fake.queue(Fault::body_code(40100, "Too many requests"));
  h.fake.queue(Fault::body_code(50002, "System timeout"));
  h.fake.queue(Fault::body_code(51021, "Internal error"));
  auto e = h.campaigns();
  CHECK(e.code == 0);
  CHECK(h.fake.count() == 4);
  REQUIRE(h.sleeps.size() == 3);
  CHECK(h.sleeps[0] >= 250ms);
  CHECK(h.sleeps[1] >= 500ms);
  CHECK(h.sleeps[2] >= 1000ms);
}

TEST_CASE("retries stop after the configured attempts and the error says how many") {
  upstream::RetryPolicy retry;
  retry.max_attempts = 3;
  Harness h({}, retry);
  h.fake.queue(Fault::body_code(40100, "Too many requests"), 5);
  auto e = h.failure();
  CHECK(e.category() == ErrorCategory::RateLimited);
  CHECK(e.details().attempts == 3);
  CHECK(h.fake.count() == 3);
  CHECK_THAT(e.describe(), Catch::Contains("Attempts: 3"));
}

TEST_CASE("retries stop when the next wait would exceed the retry budget") {
  upstream::RetryPolicy retry;
  retry.max_attempts = 10;
  retry.budget = 600ms;
  Harness h({}, retry);
  h.fake.queue(Fault::body_code(50000, "System error"), 10);
  h.failure();
  CHECK(h.fake.count() <= 3);
}

TEST_CASE("invalid parameters are not retried and keep TikTok's message and request id") {
  Harness h;
  auto e = [&] {
    try {
      h.client->get("campaign/get/", json{{"advertiser_id", kAdv}, {"page_size", 5000}}, {});
    } catch (const UpstreamError& err) {
      return err;
    }
    throw std::runtime_error("no error");
  }();
  CHECK(e.category() == ErrorCategory::InvalidParams);
  CHECK_THAT(e.details().message, Catch::Contains("page_size"));
  CHECK_FALSE(e.details().request_id.empty());
  CHECK(h.fake.count() == 1);
}

TEST_CASE("broken responses: HTML 502, truncated JSON, reset mid-body all end in a clear error after retries") {
  upstream::RetryPolicy retry;
  retry.max_attempts = 2;
  for (auto fault : {Fault::html(502), Fault::truncated(), Fault::reset(), Fault::http(503)}) {
    Harness h({}, retry);
    h.fake.queue(fault, 2);
    auto e = h.failure();
    CHECK(h.fake.count() == 2);
    CHECK_FALSE(std::string(e.what()).empty());
    // and the next call works
    CHECK(h.campaigns().code == 0);
  }
}

TEST_CASE("a redirect is reported, not followed") {
  Harness h;
  h.fake.queue(Fault::redirect());
  auto e = h.failure();
  CHECK(e.category() == ErrorCategory::BadResponse);
  CHECK_THAT(e.describe(), Catch::Contains("elsewhere.example"));
  CHECK(h.fake.count() == 1);
}

TEST_CASE("a stalled body times out within the read timeout") {
  net::HttpClientOptions http;
  http.read_timeout = 300ms;
  upstream::RetryPolicy retry;
  retry.max_attempts = 1;
  Harness h(http, retry);
  h.fake.queue(Fault::stall(2s));
  auto e = h.failure();
  CHECK(e.category() == ErrorCategory::Timeout);
}

TEST_CASE("a response over the size limit is refused") {
  net::HttpClientOptions http;
  http.max_response_bytes = 1 << 20;
  Harness h(http);
  h.fake.queue(Fault::huge(4 << 20));
  auto e = h.failure();
  CHECK(e.category() == ErrorCategory::BadResponse);
  CHECK_THAT(e.describe(), Catch::Contains("exceeded"));
  CHECK(h.campaigns().code == 0);
}

TEST_CASE("a refused connection is a network error") {
  std::string dead_url;
  {
    fakes::FakeTikTokServer gone(kToken);
    dead_url = gone.base_url();
  }
  net::HttpClient transport({});
  tiktok::ClientOptions options;
  options.base_url = dead_url;
  options.access_token = kToken;
  options.retry.max_attempts = 2;
  tiktok::Client client(transport, nullptr, options, [](auto, const auto&) { return true; });
  try {
    client.get("campaign/get/", json{{"advertiser_id", kAdv}}, {});
    FAIL("expected an error");
  } catch (const UpstreamError& e) {
    CHECK(e.category() == ErrorCategory::Network);
    CHECK(e.details().attempts == 2);
  }
}

TEST_CASE("cancellation interrupts a slow exchange at once") {
  Harness h;
  h.fake.queue(Fault::stall(3s));
  std::stop_source stop;
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);
    stop.request_stop();
  });
  auto e = h.failure(stop.get_token());
  canceller.join();
  CHECK(e.category() == ErrorCategory::Cancelled);
}

TEST_CASE("the token is never sent over plain http to a non-loopback host") {
  net::HttpClient transport({});
  tiktok::ClientOptions options;
  options.base_url = "http://business-api.tiktok.com/open_api/v1.3";
  options.access_token = kToken;
  CHECK_THROWS_AS(tiktok::Client(transport, nullptr, options), std::invalid_argument);
}

TEST_CASE("the client-side rate limiter keeps a burst of concurrent calls under the upstream limit") {
  Harness h;
  h.fake.limit_qps(5);
  net::RateLimiter limiter(5, 600);
  tiktok::ClientOptions options;
  options.base_url = h.fake.base_url();
  options.access_token = kToken;
  options.retry.max_attempts = 1;  // a 40100 would fail the call
  tiktok::Client limited(h.transport, &limiter, options);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&] {
      try {
        limited.get("campaign/get/", json{{"advertiser_id", kAdv}}, {});
      } catch (const UpstreamError&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
  CHECK(h.fake.count() == 12);
}
