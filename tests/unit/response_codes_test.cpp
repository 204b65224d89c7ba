#include <catch2/catch.hpp>

#include "support/scripted_transport.hpp"
#include "tiktok/client.hpp"
#include "tiktok/direct_executor.hpp"
#include "tiktok/response_codes.hpp"

using execution::ErrorCategory;
using upstream::Verdict;

TEST_CASE("TikTok body codes are classified as the SDK's table says") {
  struct Row {
    long long code;
    ErrorCategory category;
    Verdict verdict;
  };
  const Row rows[] = {
      {40000, ErrorCategory::InvalidParams, Verdict::Done},
      {40002, ErrorCategory::InvalidParams, Verdict::Done},
      {40001, ErrorCategory::Permission, Verdict::Done},
      {40003, ErrorCategory::Permission, Verdict::Done},
      {40130, ErrorCategory::Permission, Verdict::Done},
      {40102, ErrorCategory::Auth, Verdict::Done},
      {40104, ErrorCategory::Auth, Verdict::Done},
      {40105, ErrorCategory::Auth, Verdict::Done},
      {40101, ErrorCategory::Auth, Verdict::Done},
      {40100, ErrorCategory::RateLimited, Verdict::RetrySafe},
      {40133, ErrorCategory::RateLimited, Verdict::RetrySafe},
      {40016, ErrorCategory::RateLimited, Verdict::RetrySafe},
      {40132, ErrorCategory::RateLimited, Verdict::RetrySafe},
      {50000, ErrorCategory::Transient, Verdict::RetryIfIdempotent},
      {50002, ErrorCategory::Transient, Verdict::RetryIfIdempotent},
      {51021, ErrorCategory::Transient, Verdict::RetryIfIdempotent},
      {52001, ErrorCategory::Transient, Verdict::RetryIfIdempotent},
      {60001, ErrorCategory::Transient, Verdict::RetryIfIdempotent},
      {40007, ErrorCategory::NotFound, Verdict::Done},
      {40300, ErrorCategory::NotFound, Verdict::Done},
      {40014, ErrorCategory::Unsupported, Verdict::Done},
      {12345, ErrorCategory::Upstream, Verdict::Done},
  };
  for (const auto& row : rows) {
    INFO(row.code);
    auto c = tiktok::classify_code(row.code);
    CHECK(c.category == row.category);
    CHECK(c.verdict == row.verdict);
    CHECK_FALSE(c.next_step.empty());
  }
  CHECK(tiktok::is_success(0));
  CHECK(tiktok::is_success(20001));
  CHECK_FALSE(tiktok::is_success(40002));
}

TEST_CASE("an HTTP 200 with a non-zero code is an error, never a success") {
  net::HttpResult r;
  r.status = 200;
  r.body = R"({"code":40105,"message":"The access token is invalid","request_id":"abc","data":{}})";
  auto o = tiktok::interpret(r);
  REQUIRE(o.error);
  CHECK_FALSE(o.envelope);
  CHECK(o.error->category() == ErrorCategory::Auth);
  CHECK(o.error->details().request_id == "abc");
  CHECK(o.error->details().code == 40105);
  CHECK_THAT(o.error->describe(), Catch::Contains("request_id: abc"));
  CHECK_THAT(o.error->describe(), Catch::Contains("TIKTOK_MARKETING_ACCESS_TOKEN"));
}

TEST_CASE("responses that are not the envelope are classified by what they are") {
  net::HttpResult html;
  html.status = 502;
  html.body = "<html>Bad Gateway</html>";
  auto o = tiktok::interpret(html);
  CHECK(o.error->category() == ErrorCategory::Transient);
  CHECK(o.attempt.verdict == Verdict::RetryIfIdempotent);

  net::HttpResult garbled;
  garbled.status = 200;
  garbled.body = R"({"code":0,"data":{"li)";
  auto g = tiktok::interpret(garbled);
  CHECK(g.error->category() == ErrorCategory::BadResponse);
  CHECK(g.attempt.verdict == Verdict::RetryIfIdempotent);

  net::HttpResult redirect;
  redirect.status = 302;
  redirect.headers["location"] = "https://elsewhere.example/";
  auto rd = tiktok::interpret(redirect);
  CHECK(rd.error->category() == ErrorCategory::BadResponse);
  CHECK(rd.attempt.verdict == Verdict::Done);
  CHECK_THAT(rd.error->describe(), Catch::Contains("redirect"));

  net::HttpResult not_found;
  not_found.status = 404;
  not_found.body = "404 page not found";
  CHECK_THAT(tiktok::interpret(not_found).error->describe(), Catch::Contains("TIKTOK_MARKETING_API_BASE_URL"));

  net::HttpResult timeout;
  timeout.failure = net::Failure::Timeout;
  auto t = tiktok::interpret(timeout);
  CHECK(t.error->category() == ErrorCategory::Timeout);
  CHECK(t.attempt.verdict == Verdict::RetryIfIdempotent);

  net::HttpResult ok;
  ok.status = 200;
  ok.body = R"({"code":0,"message":"OK","request_id":"r1","data":{"list":[]}})";
  auto s = tiktok::interpret(ok);
  REQUIRE(s.envelope);
  CHECK(s.envelope->request_id == "r1");
}

// Found by fuzz_tiktok_response: a code-0 answer whose data is missing or not an object made
// check() throw a JSON type error instead of reporting.
TEST_CASE("check reads an answer without a data object as no advertisers") {
  test::ScriptedTransport transport;
  transport.push_status(200, R"({"code":0,"message":"OK","request_id":"r2"})");
  transport.push_status(200, R"({"code":0,"message":"OK","data":[1,2]})");
  tiktok::ClientOptions options;
  options.base_url = "https://business-api.tiktok.com/open_api/v1.3";
  options.access_token = "token-for-check";
  tiktok::Client client(transport, nullptr, options);
  tiktok::DirectExecutor executor(client, {"", "", "7000000000000000001", false, {}});
  for (int i = 0; i < 2; ++i) {
    auto report = executor.check({});
    CHECK(report.ok);
    CHECK(report.details["advertisers"] == nlohmann::json::array());
  }
}
