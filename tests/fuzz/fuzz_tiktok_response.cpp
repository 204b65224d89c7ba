// Fuzzes the reading of TikTok's answers. The input is a script of upstream answers (see
// raw_http.hpp: bodies, or raw responses with a status and headers, or transport failures).
//   1. Each answer alone goes through tiktok::interpret (envelope or classified error).
//   2. The answers, in turn, answer the requests of whole reads through the production
//      tiktok::Client, DirectExecutor, execution::run (pages, report windows, report-row
//      flattening, field projection) and bound_output; and of DirectExecutor::check.
// Failures must come out as execution::UpstreamError, never as another exception.

#include <cstddef>
#include <string>
#include <vector>

#include "answer_or_error.hpp"
#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "check.hpp"
#include "execution/output_bound.hpp"
#include "execution/runner.hpp"
#include "fuzz_entry.hpp"
#include "raw_http.hpp"
#include "replay_upstream.hpp"
#include "tiktok/client.hpp"
#include "tiktok/direct_executor.hpp"
#include "tiktok/response_codes.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMaxAnswers = 16;
constexpr std::size_t kOutputMaxChars = 2000;
constexpr const char* kAdvertiser = "7000000000000000001";

// The body's code when it is a TikTok envelope ({"code": <integer>, ...}).
std::optional<long long> envelope_code(const net::HttpResult& answer) {
  const json body = json::parse(answer.body, nullptr, false);
  if (!body.is_object() || !body.contains("code") || !body["code"].is_number_integer()) return std::nullopt;
  return body["code"].get<long long>();
}

void check_interpretation(const net::HttpResult& answer) {
  const tiktok::Outcome outcome = tiktok::interpret(answer);
  fuzz::require(outcome.envelope.has_value() != outcome.error.has_value(), "interpret gave both or neither");
  const auto code = answer.ok() ? envelope_code(answer) : std::nullopt;
  if (outcome.envelope) {
    fuzz::require(code.has_value() && tiktok::is_success(*code), "an envelope from an answer that is no success");
    return;
  }
  fuzz::require(!(code && *code == tiktok::kOk), "a code-0 answer was reported as an error");
  fuzz::require(!outcome.error->describe().empty(), "an error without a description");
}

tiktok::Client client_for(net::HttpTransport& upstream) {
  tiktok::ClientOptions options;
  options.base_url = "https://business-api.tiktok.com/open_api/v1.3";
  options.access_token = "fuzz-access-token";
  options.retry.max_attempts = 2;
  return tiktok::Client(upstream, nullptr, options, fuzz::no_wait);
}

void check_rows(const json& data, bool report) {
  fuzz::require(data.is_array(), "the records are not an array");
  if (!report) return;
  for (const auto& row : data) {
    if (!row.is_object()) continue;
    for (const auto& [key, value] : row.items()) fuzz::require(value != "-", "a flattened row kept \"-\" in " + key);
  }
}

void check_bounded(const execution::BoundedResult& bounded, std::size_t records) {
  fuzz::require(json::parse(bounded.text, nullptr, false) == bounded.value, "the result text is not its value");
  const json& meta = bounded.value["meta"];
  if (!meta.contains("truncated")) return;
  const json& note = meta["truncated"];
  fuzz::require(note["returned"].get<std::size_t>() == bounded.value["data"].size(), "truncated.returned is wrong");
  fuzz::require(note["returned"].get<std::size_t>() + note["omitted"].get<std::size_t>() == records,
                "truncation lost count of records");
}

void read(const std::vector<net::HttpResult>& answers, const char* entity_name, const json& raw_params) {
  fuzz::ReplayUpstream upstream(answers);
  const tiktok::Client client = client_for(upstream);
  tiktok::DirectExecutor executor(client, {"app-id", "fuzz-app-secret", kAdvertiser, false, {}});
  const catalog::Entity& entity = *catalog::Catalog::builtin().find(entity_name);
  const catalog::Action& action = *entity.find_action("list");
  auto prepared = catalog::prepare_params(action, raw_params, {kAdvertiser});
  fuzz::require(prepared.issues.empty(), "the fuzzer's own params are invalid: " + schema::format_issues(prepared.issues));
  const execution::Target target{entity, action, std::nullopt};
  fuzz::expect_answer_or_error(std::string("reading ") + entity_name, [&] {
    auto result = execution::run(executor, target, prepared.params, {}, {.max_records = 300, .max_pages = 6});
    check_rows(result.data, action.report.has_value());
    const std::size_t records = result.data.size();
    check_bounded(execution::bound_output(std::move(result.data), std::move(result.meta), kOutputMaxChars, "narrow it"),
                  records);
  });
}

void check_connection(const std::vector<net::HttpResult>& answers, bool with_app_credentials) {
  fuzz::ReplayUpstream upstream(answers);
  const tiktok::Client client = client_for(upstream);
  tiktok::DirectSettings settings{"", "", kAdvertiser, false, {}};
  if (with_app_credentials) settings = {"app-id", "fuzz-app-secret", kAdvertiser, false, {}};
  tiktok::DirectExecutor executor(client, settings);
  try {
    const auto report = executor.check({});
    fuzz::require(report.ok || report.details.contains("error"), "a failed check that does not say why");
  } catch (const std::exception& e) {
    fuzz::fail(std::string("check threw: ") + e.what());
  }
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  const std::vector<net::HttpResult> answers = fuzz::parse_responses(input, kMaxAnswers);
  for (const auto& answer : answers) check_interpretation(answer);
  read(answers, "campaigns", json::object());
  read(answers, "ads", json{{"limit", 7}, {"fields", json::array({"ad_id", "ad_name"})}});
  read(answers, "ads_reports_daily",
       json{{"start_date", "2024-01-01"}, {"end_date", "2024-02-14"}, {"all_pages", true}, {"metrics", "spend, clicks"}});
  read(answers, "advertisers_reports_daily", json{{"start_date", "2024-03-01"}, {"end_date", "2024-03-02"}});
  check_connection(answers, false);
  check_connection(answers, true);
}
