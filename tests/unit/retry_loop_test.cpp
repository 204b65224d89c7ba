// The shared upstream core's retry loop: which verdicts are retried for which idempotency,
// the attempt limit and the waiting budget, Retry-After as the wait, and cancellation.

#include <catch2/catch.hpp>

#include "execution/upstream_error.hpp"
#include "support/recording_sleeper.hpp"
#include "support/scripted_transport.hpp"
#include "upstream/attempt.hpp"
#include "upstream/retry_loop.hpp"

namespace {

using namespace std::chrono_literals;
using upstream::Attempt;
using upstream::Idempotency;
using upstream::RetryPolicy;
using upstream::Verdict;

RetryPolicy policy(int attempts = 4, std::chrono::milliseconds budget = 60s) {
  RetryPolicy p;
  p.max_attempts = attempts;
  p.budget = budget;
  p.backoff = {100ms, 1000ms};
  return p;
}

const upstream::Source kSource{.name = "Example",
                               .log_component = "example",
                               .base_url_setting = "EXAMPLE_URL",
                               .timeout_step = "Try again.",
                               .too_large_step = "Ask for less."};

// Sends one request through the loop as the clients do, judging each answer by classify().
struct Run {
  net::HttpResult last;
  int attempts = 0;
};

Run run(test::ScriptedTransport& transport, Idempotency idempotency, const RetryPolicy& p,
        test::RecordingSleeper& sleeper, const std::stop_token& stop = {}) {
  const upstream::RetryLoop loop(kSource, p, sleeper.fn());
  net::HttpRequest request;
  request.method = "POST";
  request.path = "/things";
  Run r;
  r.attempts = loop.run("create thing", idempotency, stop, [&](int) {
    r.last = transport.send(request, stop);
    return upstream::classify(r.last);
  });
  return r;
}

}  // namespace

TEST_CASE("an exchange is judged by whether anything can have taken effect") {
  struct Row {
    int status;
    net::Failure failure;
    Verdict verdict;
  };
  auto row = GENERATE(Row{429, net::Failure::None, Verdict::RetrySafe},       // refused: nothing happened
                      Row{0, net::Failure::ConnectFailed, Verdict::RetrySafe},  // never sent
                      Row{500, net::Failure::None, Verdict::RetryIfIdempotent},
                      Row{503, net::Failure::None, Verdict::RetryIfIdempotent},
                      Row{0, net::Failure::ConnectionLost, Verdict::RetryIfIdempotent},
                      Row{0, net::Failure::Timeout, Verdict::RetryIfIdempotent},
                      Row{0, net::Failure::Other, Verdict::RetryIfIdempotent},
                      Row{0, net::Failure::Tls, Verdict::Done},
                      Row{0, net::Failure::TooLarge, Verdict::Done},
                      Row{0, net::Failure::Cancelled, Verdict::Done},
                      Row{400, net::Failure::None, Verdict::Done},
                      Row{422, net::Failure::None, Verdict::Done},
                      Row{302, net::Failure::None, Verdict::Done},
                      Row{200, net::Failure::None, Verdict::Done});
  net::HttpResult r;
  r.status = row.status;
  r.failure = row.failure;
  CHECK(upstream::classify(r).verdict == row.verdict);
}

TEST_CASE("what is retried depends on whether repeating could duplicate the call") {
  CHECK_FALSE(upstream::may_retry(Verdict::Done, Idempotency::Idempotent));
  CHECK_FALSE(upstream::may_retry(Verdict::Done, Idempotency::NonIdempotent));
  CHECK(upstream::may_retry(Verdict::RetrySafe, Idempotency::Idempotent));
  CHECK(upstream::may_retry(Verdict::RetrySafe, Idempotency::NonIdempotent));
  CHECK(upstream::may_retry(Verdict::RetryIfIdempotent, Idempotency::Idempotent));
  CHECK_FALSE(upstream::may_retry(Verdict::RetryIfIdempotent, Idempotency::NonIdempotent));

  CHECK(upstream::outcome_unknown(Verdict::RetryIfIdempotent, Idempotency::NonIdempotent));
  CHECK_FALSE(upstream::outcome_unknown(Verdict::RetryIfIdempotent, Idempotency::Idempotent));
  CHECK_FALSE(upstream::outcome_unknown(Verdict::RetrySafe, Idempotency::NonIdempotent));
  CHECK_FALSE(upstream::outcome_unknown(Verdict::Done, Idempotency::NonIdempotent));
}

TEST_CASE("only the 429 and 503 Retry-After is taken as the wait") {
  net::HttpResult r;
  r.headers["retry-after"] = "7";
  for (int status : {429, 503}) {
    r.status = status;
    CHECK(upstream::classify(r).retry_after == 7000ms);
  }
  r.status = 500;
  CHECK_FALSE(upstream::classify(r).retry_after);
}

TEST_CASE("a 429 waits as long as Retry-After asks, then the call succeeds, a non-idempotent one included") {
  test::ScriptedTransport transport;
  transport.push_status(429, "{}", {{"retry-after", "2"}});
  transport.push_status(429, "{}", {{"retry-after", "5"}});
  transport.push_status(200, R"({"id":"c1"})");
  test::RecordingSleeper sleeper;
  auto r = run(transport, Idempotency::NonIdempotent, policy(), sleeper);
  CHECK(r.last.status == 200);
  CHECK(r.attempts == 3);
  CHECK(sleeper.waits() == std::vector<std::chrono::milliseconds>{2000ms, 5000ms});
}

TEST_CASE("retrying stops at the attempt limit and at the waiting budget") {
  test::ScriptedTransport transport;
  test::RecordingSleeper sleeper;
  SECTION("attempts") {
    for (int i = 0; i < 3; ++i) transport.push_status(503);
    auto r = run(transport, Idempotency::Idempotent, policy(3), sleeper);
    CHECK(r.last.status == 503);
    CHECK(r.attempts == 3);
    CHECK(sleeper.waits().size() == 2);
  }
  SECTION("a Retry-After beyond the budget is not waited for") {
    transport.push_status(429, "{}", {{"retry-after", "120"}});
    auto r = run(transport, Idempotency::Idempotent, policy(4, 60s), sleeper);
    CHECK(r.last.status == 429);
    CHECK(r.attempts == 1);
    CHECK(sleeper.waits().empty());
  }
  SECTION("the budget counts every wait so far") {
    for (int i = 0; i < 4; ++i) transport.push_status(429, "{}", {{"retry-after", "2"}});
    auto r = run(transport, Idempotency::Idempotent, policy(10, 5s), sleeper);
    CHECK(r.attempts == 3);  // 2 s + 2 s waited; another 2 s would pass 5 s
    CHECK(sleeper.waits() == std::vector<std::chrono::milliseconds>{2000ms, 2000ms});
  }
}

TEST_CASE("a non-idempotent call that may have taken effect is sent exactly once") {
  test::ScriptedTransport transport;
  auto failure = GENERATE(net::Failure::Timeout, net::Failure::ConnectionLost, net::Failure::None);
  if (failure == net::Failure::None) {
    transport.push_status(502);
  } else {
    transport.push_failure(failure);
  }
  test::RecordingSleeper sleeper;
  auto r = run(transport, Idempotency::NonIdempotent, policy(), sleeper);
  CHECK(r.attempts == 1);
  CHECK(transport.sent().size() == 1);
  CHECK(sleeper.waits().empty());
}

TEST_CASE("a call whose connection could not be opened is sent again, whatever its idempotency") {
  test::ScriptedTransport transport;
  transport.push_failure(net::Failure::ConnectFailed);
  transport.push_status(201);
  test::RecordingSleeper sleeper;
  auto r = run(transport, Idempotency::NonIdempotent, policy(), sleeper);
  CHECK(r.last.status == 201);
  CHECK(r.attempts == 2);
}

TEST_CASE("backoff grows between retries of an idempotent call") {
  test::ScriptedTransport transport;
  transport.push_failure(net::Failure::ConnectionLost);
  transport.push_status(500);
  transport.push_status(200);
  test::RecordingSleeper sleeper;
  auto r = run(transport, Idempotency::Idempotent, policy(), sleeper);
  CHECK(r.last.status == 200);
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
    run(transport, Idempotency::Idempotent, policy(), sleeper);
    FAIL("expected a cancellation");
  } catch (const execution::UpstreamError& e) {
    CHECK(e.category() == execution::ErrorCategory::Cancelled);
    CHECK(e.details().source == "Example");
  }
  CHECK(sleeper.waits().size() == 1);
}

TEST_CASE("once stop is requested no further attempt is made") {
  test::ScriptedTransport transport;
  transport.push_status(503);
  test::RecordingSleeper sleeper;
  std::stop_source stop;
  stop.request_stop();
  auto r = run(transport, Idempotency::Idempotent, policy(), sleeper, stop.get_token());
  CHECK(r.attempts == 1);
  CHECK(sleeper.waits().empty());
}

TEST_CASE("the loop passes on what an attempt throws and counts attempts from one") {
  const upstream::RetryLoop loop(kSource, policy(), [](auto, const auto&) { return true; });
  std::vector<int> seen;
  const int attempts = loop.run("x", Idempotency::Idempotent, {}, [&](int n) {
    seen.push_back(n);
    return Attempt{n < 3 ? Verdict::RetrySafe : Verdict::Done, 0ms, "busy"};
  });
  CHECK(attempts == 3);
  CHECK(seen == std::vector<int>{1, 2, 3});
  CHECK_THROWS_AS(loop.run("x", Idempotency::Idempotent, {}, [](int) -> Attempt { throw std::runtime_error("boom"); }),
                  std::runtime_error);
}
