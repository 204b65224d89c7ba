#include <catch2/catch.hpp>

#include "airbyte/execute_result.hpp"
#include "execution/upstream_error.hpp"

namespace {

using airbyte::ApiResponse;
using airbyte::to_page;
using execution::ErrorCategory;
using nlohmann::json;

ApiResponse response(json body, std::string request_id = "") {
  ApiResponse r;
  r.status = 200;
  r.body = std::move(body);
  r.request_id = std::move(request_id);
  return r;
}

ErrorCategory category_of(const json& body) {
  try {
    to_page(response(body), "execute campaigns.list");
  } catch (const execution::UpstreamError& e) {
    return e.category();
  }
  return ErrorCategory::Upstream;  // not reached when the answer is an error
}

}  // namespace

TEST_CASE("a list result becomes records and page_info") {
  auto page = to_page(response(json::parse(R"({
      "status": "success",
      "result": [{"campaign_id": "1"}, {"campaign_id": "2"}],
      "connector_metadata": {"page_info": {"page": 1, "page_size": 2, "total_number": 5, "total_page": 3}},
      "execution_metadata": {"connector_instance_id": "c1", "execution_time_ms": 40, "request_id": "exec-9"}})")),
                      "execute campaigns.list");
  CHECK(page.records.size() == 2);
  CHECK(page.page_info["total_page"] == 3);
  CHECK(page.request_id == "exec-9");
  CHECK(page.extra_meta["execution_time_ms"] == 40);
}

TEST_CASE("records are found in an object result, whichever list it holds") {
  auto key = GENERATE(as<std::string>{}, "data", "records", "list", "items", "results");
  json body{{"status", "success"}, {"result", {{key, json::array({{{"id", "a"}}})}}}};
  CHECK(to_page(response(body), "x").records.size() == 1);
}

TEST_CASE("a TikTok envelope passed through inside result is read too") {
  json body = json::parse(R"({"status":"success","result":{"code":0,"data":{"list":[{"ad_id":"9"}],
      "page_info":{"page":2,"total_page":2}}}})");
  auto page = to_page(response(body), "x");
  CHECK(page.records[0]["ad_id"] == "9");
  CHECK(page.page_info["page"] == 2);
}

TEST_CASE("page_info given flat in connector_metadata is recognised") {
  json body = json::parse(R"({"status":"success","result":[],"connector_metadata":{"page":1,"total_page":1,"total_number":0}})");
  CHECK(to_page(response(body), "x").page_info["total_number"] == 0);
  json none = json::parse(R"({"status":"success","result":[]})");
  CHECK(to_page(response(none), "x").page_info.is_null());
}

TEST_CASE("a search's cursor and has_more are passed on") {
  json body = json::parse(R"({"status":"success","result":{"data":[{"id":"1"}],
      "meta":{"has_more":true,"cursor":"abc","took_ms":5}}})");
  auto page = to_page(response(body), "x");
  CHECK(page.extra_meta["has_more"] == true);
  CHECK(page.extra_meta["cursor"] == "abc");
  CHECK(page.extra_meta["took_ms"] == 5);
  json in_metadata = json::parse(R"({"status":"success","result":[],"connector_metadata":{"next_cursor":"n2","has_more":false}})");
  CHECK(to_page(response(in_metadata), "x").extra_meta["cursor"] == "n2");
}

TEST_CASE("a status other than success is an error with Airbyte's message, never an empty page") {
  json failed = json::parse(R"({"status":"error","error":{"message":"Context store is still loading"},"result":null})");
  try {
    to_page(response(failed, "req-1"), "execute ads.context_store_search");
    FAIL("expected an error");
  } catch (const execution::UpstreamError& e) {
    CHECK(e.details().source == "Airbyte");
    CHECK(e.details().request_id == "req-1");
    CHECK_THAT(e.describe(), Catch::Contains("execute ads.context_store_search failed"));
    CHECK_THAT(e.describe(), Catch::Contains("Context store is still loading"));
  }
  CHECK(category_of(json::parse(R"({"status":"failed","result":[]})")) == ErrorCategory::Upstream);
  CHECK(category_of(json::parse(R"({"result":[]})")) == ErrorCategory::Upstream);
  CHECK(category_of(json::parse(R"({"status":"success","result":{"x":1}})")) == ErrorCategory::BadResponse);
  CHECK(category_of(json::parse(R"([1,2])")) == ErrorCategory::BadResponse);
}

TEST_CASE("a successful null result is an empty page") {
  CHECK(to_page(response(json::parse(R"({"status":"success","result":null})")), "x").records.empty());
}
