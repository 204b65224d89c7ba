#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "airbyte/api_client.hpp"
#include "airbyte/token_cache.hpp"
#include "execution/upstream_error.hpp"
#include "support/canaries.hpp"
#include "support/recording_sleeper.hpp"
#include "support/scripted_transport.hpp"

namespace {

using airbyte::AccessToken;
using airbyte::TokenCache;
using execution::ErrorCategory;
using execution::UpstreamError;
using namespace std::chrono_literals;

UpstreamError error_of(ErrorCategory category) {
  UpstreamError::Details d;
  d.category = category;
  d.message = "refused";
  return UpstreamError(d);
}

// An application token as the token endpoint would hand it out.
std::string app_token(const std::string& name) { return canary::kAirbyteAccessTokenPrefix + name; }
std::string app_token(int n) { return app_token(std::to_string(n)); }

}  // namespace

TEST_CASE("the token is fetched once and reused until shortly before it expires") {
  test::ManualClock clock;
  int fetches = 0;
  TokenCache cache([&](const std::stop_token&) { return AccessToken{app_token(++fetches), 900s}; },
                   clock.fn());
  CHECK(cache.get({}) == app_token(1));
  clock.advance(839s);  // 900 s minus the 60 s margin, less one
  CHECK(cache.get({}) == app_token(1));
  clock.advance(1s);
  CHECK(cache.get({}) == app_token(2));
  CHECK(cache.refreshes() == 2);
}

TEST_CASE("the refresh margin is a minute, or a quarter of a short lifetime") {
  CHECK(TokenCache::margin(900s) == 60s);
  CHECK(TokenCache::margin(4s) == 1s);
  CHECK(TokenCache::margin(0s) == 0s);
}

TEST_CASE("invalidating the current token forces a refresh; a stale one does not") {
  int fetches = 0;
  TokenCache cache([&](const std::stop_token&) { return AccessToken{app_token(++fetches), 900s}; });
  const std::string first = cache.get({});
  cache.invalidate(first);
  const std::string second = cache.get({});
  CHECK(second == app_token(2));
  cache.invalidate(first);  // a slow caller reporting the old token must not discard the new one
  CHECK(cache.get({}) == app_token(2));
  CHECK(cache.refreshes() == 2);
}

TEST_CASE("concurrent callers share one refresh") {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> fetches{0};
  TokenCache cache([&](const std::stop_token&) {
    ++fetches;
    released.wait();
    return AccessToken{app_token("shared"), 900s};
  });
  std::vector<std::future<std::string>> callers;
  for (int i = 0; i < 8; ++i) callers.push_back(std::async(std::launch::async, [&] { return cache.get({}); }));
  release.set_value();
  for (auto& c : callers) CHECK(c.get() == app_token("shared"));
  CHECK(fetches.load() == 1);
  CHECK(cache.refreshes() == 1);
}

TEST_CASE("a failed refresh reaches every caller; the next call tries again") {
  std::atomic<int> fetches{0};
  TokenCache cache([&](const std::stop_token&) -> AccessToken {
    if (++fetches <= 4) throw error_of(ErrorCategory::Auth);
    return AccessToken{app_token("late"), 900s};
  });
  std::vector<std::future<ErrorCategory>> callers;
  for (int i = 0; i < 4; ++i) {
    callers.push_back(std::async(std::launch::async, [&] {
      try {
        cache.get({});
        return ErrorCategory::Upstream;
      } catch (const UpstreamError& e) {
        return e.category();
      }
    }));
  }
  for (auto& c : callers) CHECK(c.get() == ErrorCategory::Auth);
  CHECK(fetches.load() <= 4);
  while (fetches.load() < 4) CHECK_THROWS_AS(cache.get({}), UpstreamError);
  CHECK(cache.get({}) == app_token("late"));
}

TEST_CASE("a caller waiting for another's refresh can be cancelled") {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future();
  TokenCache cache([&](const std::stop_token&) {
    entered.set_value();
    released.wait();
    return AccessToken{app_token("only"), 900s};
  });
  auto leader = std::async(std::launch::async, [&] { return cache.get({}); });
  entered.get_future().wait();
  std::stop_source stop;
  stop.request_stop();
  try {
    cache.get(stop.get_token());
    FAIL("expected a cancellation");
  } catch (const UpstreamError& e) {
    CHECK(e.category() == ErrorCategory::Cancelled);
  }
  release.set_value();
  CHECK(leader.get() == app_token("only"));
}

TEST_CASE("when the refreshing caller is cancelled, a waiting caller refreshes itself") {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future();
  std::atomic<int> fetches{0};
  TokenCache cache([&](const std::stop_token&) -> AccessToken {
    if (++fetches == 1) {
      entered.set_value();
      released.wait();
      throw error_of(ErrorCategory::Cancelled);
    }
    return AccessToken{app_token("own"), 900s};
  });
  auto leader = std::async(std::launch::async, [&] { return cache.get({}); });
  entered.get_future().wait();
  auto follower = std::async(std::launch::async, [&] { return cache.get({}); });
  release.set_value();
  CHECK_THROWS_AS(leader.get(), UpstreamError);
  CHECK(follower.get() == app_token("own"));
  CHECK(fetches.load() == 2);
}

// Found by fuzz_airbyte_response: an expires_in of 1e300 did not fit long long, and one of
// 9e18 seconds overflowed the clock's nanoseconds in the cache (both undefined).
TEST_CASE("the token exchange reads expires_in within zero and a day") {
  const std::pair<const char*, std::chrono::seconds> cases[] = {
      {"1e300", 86400s}, {"9000000000000000000", 86400s}, {"-5", 0s}, {"899.9", 899s}};
  for (const auto& [expires_in, expected] : cases) {
    INFO(expires_in);
    test::ScriptedTransport transport;
    transport.push_status(200, std::string(R"({"access_token":"exchanged-token-1","expires_in":)") + expires_in + "}");
    test::RecordingSleeper sleeper;
    const auto token = airbyte::exchange_token(transport, {"https://api.airbyte.ai", "", {}}, {"id", "secret"},
                                               sleeper.fn(), {});
    CHECK(token.expires_in == expected);
    TokenCache cache([&](const std::stop_token&) { return token; });
    CHECK(cache.get({}) == "exchanged-token-1");
  }
}
