// Fuzzes the reading of the Airbyte agent API's answers. The input is a script of upstream
// answers (see raw_http.hpp).
//   1. Each answer alone: api_error (the error envelope, FastAPI's detail, statuses),
//      upstream::retry_after and upstream::classify, execute_result's to_page,
//      is_tiktok_marketing, without_credentials and summarize_connectors.
//   2. The answers, in turn, answer the requests of a HostedApi: the token exchange first,
//      then the connectors API (list, get, create, delete, OAuth) and the hosted executor
//      (connector resolution, execute, check).
// Failures must come out as execution::UpstreamError; no credential may survive
// without_credentials.

#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include "airbyte/api_error.hpp"
#include "airbyte/connectors.hpp"
#include "airbyte/execute_result.hpp"
#include "airbyte/hosted_api.hpp"
#include "airbyte/hosted_executor.hpp"
#include "answer_or_error.hpp"
#include "catalog/catalog.hpp"
#include "check.hpp"
#include "execution/upstream_error.hpp"
#include "fuzz_entry.hpp"
#include "log/redactor.hpp"
#include "raw_http.hpp"
#include "replay_upstream.hpp"
#include "upstream/attempt.hpp"
#include "upstream/retry_after.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMaxAnswers = 16;

bool names_credential(const std::string& key) {
  std::string k;
  for (unsigned char c : key) k += static_cast<char>(std::tolower(c));
  for (const char* word : {"credential", "token", "secret", "password"}) {
    if (k.find(word) != std::string::npos) return true;
  }
  return false;
}

void require_no_credentials(const json& value) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      fuzz::require(!names_credential(key), "a credential survived: " + key);
      require_no_credentials(member);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) require_no_credentials(item);
  }
}

void check_error_reading(const net::HttpResult& answer) {
  const upstream::Attempt attempt = upstream::classify(answer);
  for (auto idempotency : {upstream::Idempotency::Idempotent, upstream::Idempotency::NonIdempotent}) {
    const auto error = airbyte::api_error(answer, {"list connectors", 2, idempotency});
    fuzz::require(!error.describe().empty(), "an error without a description");
    fuzz::require(error.details().outcome_unknown == upstream::outcome_unknown(attempt.verdict, idempotency),
                  "outcome_unknown disagrees with the verdict");
  }
  if (attempt.retry_after) fuzz::require(attempt.retry_after->count() >= 0, "a negative retry delay");
  if (auto wait = upstream::retry_after(answer)) {
    fuzz::require(wait->count() >= 0 && wait->count() <= 86400000, "a Retry-After outside [0, a day]");
  }
}

void check_body_reading(const net::HttpResult& answer) {
  if (!answer.ok()) return;
  airbyte::ApiResponse response;
  response.status = answer.status;
  response.body = answer.body.empty() ? json() : json::parse(answer.body, nullptr, false);
  if (response.body.is_discarded()) return;
  response.request_id = answer.header("x-request-id").value_or("");
  try {
    const auto page = airbyte::to_page(response, "execute campaigns.list");
    fuzz::require(page.records.is_array(), "a page whose records are not an array");
  } catch (const execution::UpstreamError& e) {
    fuzz::require(!e.describe().empty(), "an error without a description");
  }
  require_no_credentials(airbyte::without_credentials(response.body));
  airbyte::is_tiktok_marketing(response.body);
  if (response.body.is_array()) {
    for (const auto& c : response.body) airbyte::is_tiktok_marketing(c);
    airbyte::summarize_connectors(response.body);
  }
}

airbyte::HostedSettings hosted_settings() {
  airbyte::HostedSettings s;
  s.credentials = {"fuzz-client-id", "fuzz-client-secret"};
  s.api.base_url = "https://api.airbyte.ai";
  s.api.organization_id = "org-1";
  s.api.retry.max_attempts = 2;
  s.defaults = {"user-1", "fuzz-tiktok-token"};
  return s;
}

void use_hosted_api(const std::vector<net::HttpResult>& answers) {
  fuzz::ReplayUpstream upstream(answers);
  airbyte::HostedApi hosted(upstream, hosted_settings(), fuzz::no_wait);
  airbyte::HostedExecutor executor(hosted.api, hosted.connectors, hosted.resolver);
  const catalog::Entity& entity = *catalog::Catalog::builtin().find("campaigns");
  const execution::Target target{entity, *entity.find_action("list"), std::nullopt};
  const std::stop_token none;

  // list passes connectors on whole: its callers keep only ids, names and types.
  fuzz::expect_answer_or_error("list", [&] { hosted.connectors.list("", none); });
  fuzz::expect_answer_or_error("get", [&] { require_no_credentials(hosted.connectors.get("c-1", none)); });
  fuzz::expect_answer_or_error("create", [&] {
    airbyte::CreateRequest request;
    request.name = "TikTok Ads";
    require_no_credentials(hosted.connectors.create(request, none).connector);
  });
  fuzz::expect_answer_or_error("initiate_oauth",
                               [&] { hosted.connectors.initiate_oauth("https://app.example/cb", "", none); });
  fuzz::expect_answer_or_error("fetch", [&] {
    const auto page = executor.fetch(target, json{{"advertiser_id", "7000000000000000001"}, {"page", 1}}, {});
    fuzz::require(page.records.is_array(), "a page whose records are not an array");
  });
  fuzz::expect_answer_or_error("remove", [&] { hosted.connectors.remove("c-1", none); });
  fuzz::expect_answer_or_error("check", [&] {
    const auto report = executor.check({});
    fuzz::require(report.ok || report.details.contains("error"), "a failed check that does not say why");
  });
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  const std::vector<net::HttpResult> answers = fuzz::parse_responses(input, kMaxAnswers);
  for (const auto& answer : answers) {
    check_error_reading(answer);
    check_body_reading(answer);
  }
  use_hosted_api(answers);
  logging::clear_secrets();  // the token exchange registers each token it gets
}
