#include <catch2/catch.hpp>

#include "airbyte/api_error.hpp"

namespace {

using airbyte::api_error;
using airbyte::ErrorContext;
using execution::ErrorCategory;
using upstream::Idempotency;

net::HttpResult answer(int status, std::string body, std::map<std::string, std::string> headers = {}) {
  net::HttpResult r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

net::HttpResult failed(net::Failure failure) {
  net::HttpResult r;
  r.failure = failure;
  return r;
}

}  // namespace

TEST_CASE("the error envelope names the field at fault") {
  auto e = api_error(answer(422, R"({"message":"Validation failed","errors":[
      {"field":"replication_config.start_date","message":"must be a date","error_code":"invalid"},
      {"field":"name","message":"field required"}]})",
                            {{"x-request-id", "req-7"}}),
                     {"create connector", 1, Idempotency::NonIdempotent});
  CHECK(e.category() == ErrorCategory::InvalidParams);
  CHECK(e.details().source == "Airbyte");
  CHECK(e.details().field == "replication_config.start_date");
  CHECK(e.details().http_status == 422);
  CHECK(e.details().request_id == "req-7");
  CHECK_THAT(e.describe(), Catch::Contains("create connector: Validation failed (replication_config.start_date: must "
                                           "be a date; name: field required)"));
  CHECK_THAT(e.describe(), Catch::Contains("Fix replication_config.start_date"));
}

TEST_CASE("FastAPI's detail list is read as field errors") {
  auto e = api_error(answer(422, R"({"detail":[{"loc":["body","replication_config","start_date"],"msg":"invalid date"}]})"),
                     {"create connector"});
  CHECK(e.details().field == "replication_config.start_date");
  CHECK_THAT(e.describe(), Catch::Contains("replication_config.start_date: invalid date"));
  auto plain = api_error(answer(404, R"({"detail":"Connector not found"})"), {"get connector x"});
  CHECK(plain.category() == ErrorCategory::NotFound);
  CHECK_THAT(plain.describe(), Catch::Contains("get connector x: Connector not found"));
  CHECK_THAT(plain.describe(), Catch::Contains("tiktok_marketing_connector_list"));
}

TEST_CASE("each status maps to a category and a next step") {
  struct Row {
    int status;
    ErrorCategory category;
    const char* hint;
  };
  auto row = GENERATE(Row{400, ErrorCategory::InvalidParams, "Check the arguments"},
                      Row{401, ErrorCategory::Auth, "AIRBYTE_CLIENT_SECRET"},
                      Row{403, ErrorCategory::Permission, "AIRBYTE_ORGANIZATION_ID"},
                      Row{404, ErrorCategory::NotFound, "tiktok_marketing_connector_list"},
                      Row{429, ErrorCategory::RateLimited, "wait a minute"},
                      Row{500, ErrorCategory::Transient, "temporary problem"},
                      Row{503, ErrorCategory::Transient, "temporary problem"},
                      Row{302, ErrorCategory::BadResponse, "AIRBYTE_API_BASE_URL"},
                      Row{418, ErrorCategory::Upstream, "Check the arguments"});
  auto e = api_error(answer(row.status, R"({"message":"no"})"), {"list connectors"});
  CHECK(e.category() == row.category);
  CHECK_THAT(e.describe(), Catch::Contains(row.hint));
}

TEST_CASE("a 429 says how long Airbyte asked to wait") {
  auto e = api_error(answer(429, R"({"message":"Rate limit exceeded"})", {{"retry-after", "30"}}), {"list connectors", 3});
  CHECK_THAT(e.describe(), Catch::Contains("wait 30 s"));
  CHECK(e.details().attempts == 3);
}

TEST_CASE("a failed create that may have reached Airbyte says to list before trying again") {
  auto server_error = api_error(answer(500, "oops"), {"create connector", 1, Idempotency::NonIdempotent});
  CHECK_THAT(server_error.describe(), Catch::Contains("may have taken effect"));
  CHECK(server_error.details().outcome_unknown);
  CHECK_THAT(server_error.describe(), Catch::Contains("Outcome: unknown"));
  auto lost = api_error(failed(net::Failure::ConnectionLost), {"create connector", 1, Idempotency::NonIdempotent});
  CHECK_THAT(lost.describe(), Catch::Contains("may have taken effect"));
  CHECK(lost.details().outcome_unknown);
  auto never_sent = api_error(failed(net::Failure::ConnectFailed), {"create connector", 4, Idempotency::NonIdempotent});
  CHECK_THAT(never_sent.describe(), !Catch::Contains("may have taken effect"));
  CHECK_FALSE(never_sent.details().outcome_unknown);
  auto refused = api_error(answer(422, "{}"), {"create connector", 1, Idempotency::NonIdempotent});
  CHECK_FALSE(refused.details().outcome_unknown);
  auto read = api_error(answer(500, "oops"), {"list connectors", 4, Idempotency::Idempotent});
  CHECK_THAT(read.describe(), !Catch::Contains("may have taken effect"));
  CHECK_FALSE(read.details().outcome_unknown);
  CHECK_THAT(read.describe(), !Catch::Contains("Outcome"));
}

TEST_CASE("bodies that are not the envelope are quoted briefly") {
  auto e = api_error(answer(502, "<html>" + std::string(500, 'x') + "</html>"), {"list connectors"});
  CHECK_THAT(e.describe(), Catch::Contains("<html>xxx"));
  CHECK(e.describe().size() < 700);
  auto empty = api_error(answer(503, ""), {"list connectors"});
  CHECK_THAT(empty.describe(), Catch::Contains("(empty body)"));
}

TEST_CASE("network failures say what could not be reached") {
  CHECK(api_error(failed(net::Failure::Timeout), {"x"}).category() == ErrorCategory::Timeout);
  CHECK(api_error(failed(net::Failure::ConnectFailed), {"x"}).category() == ErrorCategory::Network);
  CHECK(api_error(failed(net::Failure::Cancelled), {"x"}).category() == ErrorCategory::Cancelled);
  CHECK(api_error(failed(net::Failure::TooLarge), {"x"}).category() == ErrorCategory::BadResponse);
  CHECK_THAT(api_error(failed(net::Failure::ConnectFailed), {"x"}).describe(), Catch::Contains("AIRBYTE_API_BASE_URL"));
}

// Found by fuzz_airbyte_response: a huge Retry-After overflowed seconds * 1000 (undefined).
TEST_CASE("a Retry-After beyond a day asks to wait a day") {
  const auto huge = answer(429, "", {{"retry-after", "99999999999999999"}});
  CHECK_THAT(api_error(huge, {"x"}).describe(), Catch::Contains("86400 s"));
}
