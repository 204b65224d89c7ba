#include <catch2/catch.hpp>

#include "airbyte/retry.hpp"
#include "execution/upstream_error.hpp"
#include "support/recording_sleeper.hpp"
#include "support/scripted_transport.hpp"

namespace {

using airbyte::RetryPolicy;
using airbyte::send_with_retries;
using namespace std::chrono_literals;

RetryPolicy policy(int attempts = 4, std::chrono::milliseconds budget = 60s) {
  RetryPolicy p;
  p.max_attempts = attempts;
  p.budget = budget;
  p.backoff = {100ms, 1000ms};
  return p;
}

net::HttpRequest request() {
  net::HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/integrations/connectors";
  return r;
}

}  // namespace

TEST_CASE("what is retried depends on whether repeating could duplicate the call") {
  struct Row {
    int status;
    net::Failure failure;
    bool idempotent;
    bool retried;
  };
  auto row = GENERATE(Row{429, net::Failure::None, false, true},       // refused: nothing happened
                      Row{429, net::Failure::None, true, true},
                      Row{503, net::Failure::None, true, true},
                      Row{503, net::Failure::None, false, false},      // a create may have gone through
                      Row{500, net::Failure::None, false, false},
                      Row{0, net::Failure::ConnectFailed, false, true},  // never sent
                      Row{0, net::Failure::ConnectionLost, true, true},
                      Row{0, net::Failure::ConnectionLost, false, false},
                      Row{0, net::Failure::Timeout, false, false},
                      Row{0, net::Failure::Tls, true, false},
                      Row{400, net::Failure::None, true, false},
                      Row{422, net::Failure::None, true, false},
                      Row{200, net::Failure::None, true, false});
  net::HttpResult r;
  r.status = row.status;
  r.failure = row.failure;
  CHECK(airbyte::retry_delay(r, row.idempotent, 1, policy()).has_value() == row.retried);
}

TEST_CASE("a 429 waits as long as Retry-After asks, then the call succeeds") {
  test::ScriptedTransport transport;
  transport.push_status(429, "{}", {{"retry-after", "2"}});
  transport.push_status(429, "{}", {{"retry-after", "5"}});
  transport.push_status(200, R"({"id":"c1"})");
  test::RecordingSleeper sleeper;
  auto sent = send_with_retries(transport, request(), false, policy(), sleeper.fn(), {});
  CHECK(sent.result.status == 200);
  CHECK(sent.attempts == 3);
  CHECK(sleeper.waits() == std::vector<std::chrono::milliseconds>{2000ms, 5000ms});
}

TEST_CASE("retrying stops at the attempt limit and at the waiting budget") {
  SECTION("attempts") {
    test::ScriptedTransport transport;
    for (int i = 0; i < 3; ++i) transport.push_status(503);
    test::RecordingSleeper sleeper;
    auto sent = send_with_retries(transport, request(), true, policy(3), sleeper.fn(), {});
    CHECK(sent.result.status == 503);
    CHECK(sent.attempts == 3);
    CHECK(sleeper.waits().size() == 2);
  }
  SECTION("a Retry-After beyond the budget is not waited for") {
    test::ScriptedTransport transport;
    transport.push_status(429, "{}", {{"retry-after", "120"}});
    test::RecordingSleeper sleeper;
    auto sent = send_with_retries(transport, request(), true, policy(4, 60s), sleeper.fn(), {});
    CHECK(sent.result.status == 429);
    CHECK(sent.attempts == 1);
    CHECK(sleeper.waits().empty());
  }
}

TEST_CASE("a create answered with 5xx is sent exactly once") {
  test::ScriptedTransport transport;
  transport.push_status(502);
  test::RecordingSleeper sleeper;
  auto sent = send_with_retries(transport, request(), false, policy(), sleeper.fn(), {});
  CHECK(sent.result.status == 502);
  CHECK(transport.sent().size() == 1);
  CHECK(sleeper.waits().empty());
}

TEST_CASE("backoff grows between retries of an idempotent call") {
  test::ScriptedTransport transport;
  transport.push_failure(net::Failure::ConnectionLost);
  transport.push_status(500);
  transport.push_status(200);
  test::RecordingSleeper sleeper;
  auto sent = send_with_retries(transport, request(), true, policy(), sleeper.fn(), {});
  CHECK(sent.result.status == 200);
  REQUIRE(sleeper.waits().size() == 2);
  CHECK(sleeper.waits()[0] >= 50ms);
  CHECK(sleeper.waits()[0] <= 100ms);
  CHECK(sleeper.waits()[1] >= 100ms);
  CHECK(sleeper.waits()[1] <= 200ms);
}

TEST_CASE("a cancelled wait ends the call as cancelled") {
  test::ScriptedTransport transport;
  transport.push_status(503);
  test::RecordingSleeper sleeper;
  sleeper.refuse();
  try {
    send_with_retries(transport, request(), true, policy(), sleeper.fn(), {});
    FAIL("expected a cancellation");
  } catch (const execution::UpstreamError& e) {
    CHECK(e.category() == execution::ErrorCategory::Cancelled);
  }
}
