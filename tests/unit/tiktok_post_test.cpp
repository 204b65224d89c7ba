// tiktok::Client::post over a scripted transport: the request it sends, and which failures it
// repeats for each idempotency. A create is never repeated once it may have been applied, and
// then its error says the outcome is unknown; what TikTok refused before acting is repeated.

#include <catch2/catch.hpp>

#include "execution/upstream_error.hpp"
#include "support/recording_sleeper.hpp"
#include "support/scripted_transport.hpp"
#include "tiktok/client.hpp"

namespace {

using namespace std::chrono_literals;
using execution::ErrorCategory;
using execution::UpstreamError;
using nlohmann::json;
using upstream::Idempotency;

constexpr const char* kOk = R"({"code":0,"message":"OK","request_id":"r-ok","data":{"campaign_id":"c-1"}})";
const json kBody = {{"advertiser_id", "7000000000000000001"}, {"campaign_name", "Spring"}};

struct Rig {
  Rig() : client(transport, nullptr, options(), sleeper.fn()) {}

  static tiktok::ClientOptions options() {
    tiktok::ClientOptions o;
    o.base_url = "https://business-api.tiktok.com/open_api/v1.3";
    o.access_token = "token-for-post";
    o.retry.backoff = {100ms, 1000ms};
    return o;
  }

  tiktok::Envelope create(Idempotency idempotency) { return client.post("campaign/create/", kBody, idempotency, {}); }

  UpstreamError failure(Idempotency idempotency) {
    try {
      create(idempotency);
    } catch (const UpstreamError& e) {
      return e;
    }
    FAIL("expected an UpstreamError");
    throw;
  }

  test::ScriptedTransport transport;
  test::RecordingSleeper sleeper;
  tiktok::Client client;
};

// A failure after which the create may have been applied.
void push_doubtful(test::ScriptedTransport& transport, int which) {
  switch (which) {
    case 0: transport.push_failure(net::Failure::Timeout); break;
    case 1: transport.push_failure(net::Failure::ConnectionLost); break;
    case 2: transport.push_status(502, "<html>Bad Gateway</html>"); break;
    case 3: transport.push_status(200, R"({"code":0,"data":{"campa)"); break;
    default: transport.push_status(200, R"({"code":50000,"message":"System error","request_id":"r-5"})");
  }
}

}  // namespace

TEST_CASE("post sends the body as JSON with the Access-Token header") {
  Rig rig;
  rig.transport.push_status(200, kOk);
  auto e = rig.create(Idempotency::NonIdempotent);
  CHECK(e.code == 0);
  CHECK(e.data["campaign_id"] == "c-1");
  CHECK(e.request_id == "r-ok");
  REQUIRE(rig.transport.sent().size() == 1);
  const net::HttpRequest r = rig.transport.sent()[0];
  CHECK(r.method == "POST");
  CHECK(r.base_url == "https://business-api.tiktok.com/open_api/v1.3");
  CHECK(r.path == "/campaign/create/");
  CHECK(r.query.empty());
  CHECK(r.content_type == "application/json");
  CHECK(json::parse(r.body) == kBody);
  CHECK(r.headers.at("Access-Token") == "token-for-post");
}

TEST_CASE("a partial success is a success") {
  Rig rig;
  rig.transport.push_status(200, R"({"code":20001,"message":"Partial success","data":{"errors":[]}})");
  CHECK(rig.create(Idempotency::NonIdempotent).code == 20001);
}

TEST_CASE("a non-idempotent post that may have been applied is sent once and says the outcome is unknown") {
  Rig rig;
  const int which = GENERATE(0, 1, 2, 3, 4);
  INFO("failure " << which);
  push_doubtful(rig.transport, which);
  auto e = rig.failure(Idempotency::NonIdempotent);
  CHECK(rig.transport.sent().size() == 1);
  CHECK(rig.sleeper.waits().empty());
  CHECK(e.details().outcome_unknown);
  CHECK(e.details().attempts == 1);
  CHECK_THAT(e.describe(), Catch::Contains("Outcome: unknown"));
  CHECK_THAT(e.describe(), Catch::Contains("TikTok"));
}

TEST_CASE("an idempotent post is retried after the same failures") {
  Rig rig;
  const int which = GENERATE(0, 1, 2, 3, 4);
  INFO("failure " << which);
  push_doubtful(rig.transport, which);
  rig.transport.push_status(200, kOk);
  CHECK(rig.create(Idempotency::Idempotent).code == 0);
  CHECK(rig.transport.sent().size() == 2);
  CHECK(rig.sleeper.waits().size() == 1);
}

TEST_CASE("an idempotent post that times out on every attempt has an unknown outcome; a get that does is only a failure") {
  Rig rig;
  for (int i = 0; i < 4; ++i) rig.transport.push_failure(net::Failure::Timeout);
  auto e = rig.failure(Idempotency::Idempotent);
  CHECK(e.details().attempts == 4);
  CHECK(e.details().outcome_unknown);
  for (int i = 0; i < 4; ++i) rig.transport.push_failure(net::Failure::Timeout);
  try {
    rig.client.get("campaign/get/", json{{"advertiser_id", "1"}}, {});
    FAIL("no error");
  } catch (const execution::UpstreamError& read) {
    CHECK_FALSE(read.details().outcome_unknown);
  }
}

TEST_CASE("a non-idempotent post is repeated when TikTok refused it before acting") {
  Rig rig;
  rig.transport.push_status(200, R"({"code":40100,"message":"Too many requests"})");
  rig.transport.push_failure(net::Failure::ConnectFailed);
  rig.transport.push_status(429, "", {{"retry-after", "3"}});
  rig.transport.push_status(200, kOk);
  CHECK(rig.create(Idempotency::NonIdempotent).code == 0);
  CHECK(rig.transport.sent().size() == 4);
  const auto waits = rig.sleeper.waits();
  REQUIRE(waits.size() == 3);
  CHECK(waits[2] == 3000ms);  // as Retry-After asked
}

TEST_CASE("a non-idempotent post that stays rate limited fails with a known outcome") {
  Rig rig;
  for (int i = 0; i < 4; ++i) rig.transport.push_status(200, R"({"code":40100,"message":"Too many requests"})");
  auto e = rig.failure(Idempotency::NonIdempotent);
  CHECK(e.category() == ErrorCategory::RateLimited);
  CHECK(e.details().attempts == 4);
  CHECK_FALSE(e.details().outcome_unknown);
  CHECK_THAT(e.describe(), !Catch::Contains("Outcome"));
}

TEST_CASE("a non-idempotent post refused for its parameters is not repeated and its outcome is known") {
  Rig rig;
  rig.transport.push_status(200, R"({"code":40002,"message":"campaign_name is too long","request_id":"r-4"})");
  auto e = rig.failure(Idempotency::NonIdempotent);
  CHECK(e.category() == ErrorCategory::InvalidParams);
  CHECK(rig.transport.sent().size() == 1);
  CHECK_FALSE(e.details().outcome_unknown);
}

TEST_CASE("a get honours Retry-After on a 503") {
  Rig rig;
  rig.transport.push_status(503, "unavailable", {{"retry-after", "2"}});
  rig.transport.push_status(200, kOk);
  CHECK(rig.client.get("campaign/get/", json{{"advertiser_id", "1"}}, {}).code == 0);
  CHECK(rig.sleeper.waits() == std::vector<std::chrono::milliseconds>{2000ms});
  CHECK(rig.transport.sent()[0].method == "GET");
  CHECK(rig.transport.sent()[0].body.empty());
}
