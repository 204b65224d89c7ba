// Fuzzes the safe write path. The input is one change request as the model would send it,
// {"entity", "action", "params", "confirm"?} (or, when it is not such an object, the bytes pick
// an action and the rest is its params), run through the production ChangeService against an
// in-process demo account, and then, when it was previewed, confirmed with its token.
// Invariants:
//   - failures come out as execution::UpstreamError, never as another exception;
//   - a token the store did not issue is refused, and so is a token's second use;
//   - a preview sends no write (the demo account's campaigns are unchanged by it);
//   - a confirmed change that reports "applied" lists one result per target.
// Each input gets a fresh demo account, so the state never grows across inputs.

#include <cstddef>
#include <string>

#include "answer_or_error.hpp"
#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "changes/change_service.hpp"
#include "check.hpp"
#include "execution/upstream_error.hpp"
#include "fuzz_entry.hpp"
#include "tiktok/client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_api.hpp"
#include "tiktok/direct_executor.hpp"

namespace {

using nlohmann::json;

// Counts the writes that reach the demo account.
class CountingDemo : public net::HttpTransport {
 public:
  net::HttpResult send(const net::HttpRequest& request, const std::stop_token& stop) override {
    if (request.method == "POST") ++writes;
    return demo.send(request, stop);
  }
  tiktok::demo::DemoApi demo;
  int writes = 0;
};

const catalog::Catalog& cat() { return catalog::Catalog::builtin(); }

// A request from bytes that are not a request object: the first byte picks a write action.
json request_from_bytes(std::string_view input) {
  std::vector<std::pair<std::string, std::string>> actions;
  for (const auto& e : cat().entities()) {
    for (const auto& a : e.actions) {
      if (a.is_write()) actions.emplace_back(e.name, a.name);
    }
  }
  const auto& [entity, action] = actions[input.empty() ? 0 : static_cast<unsigned char>(input[0]) % actions.size()];
  json params = json::parse(input.empty() ? std::string_view("{}") : input.substr(1), nullptr, false);
  return {{"entity", entity}, {"action", action}, {"params", params.is_discarded() ? json::object() : params}};
}

const catalog::Action* write_action(const json& request, const catalog::Entity** entity) {
  const json entity_name = request.value("entity", json());
  const json action_name = request.value("action", json());
  if (!entity_name.is_string() || !action_name.is_string()) return nullptr;
  *entity = cat().find(entity_name.get<std::string>());
  if (*entity == nullptr) return nullptr;
  const catalog::Action* action = (*entity)->find_action(action_name.get<std::string>());
  return action != nullptr && action->is_write() ? action : nullptr;
}

void expect_refusal(changes::ChangeService& service, const changes::ChangeRequest& request, const std::string& token,
                    const char* why) {
  try {
    service.confirm(request, token, "fuzz", {});
  } catch (const execution::UpstreamError& e) {
    fuzz::require(e.category() == execution::ErrorCategory::InvalidParams, why);
    return;
  }
  fuzz::fail(why);
}

void run(const json& raw) {
  const catalog::Entity* entity = nullptr;
  const catalog::Action* action = write_action(raw, &entity);
  if (action == nullptr) return;
  auto prepared = catalog::prepare_params(*action, raw.value("params", json::object()),
                                          {tiktok::demo::kDefaultAdvertiserId});
  if (!prepared.issues.empty()) return;  // the tool answers these itself, before the service

  CountingDemo upstream;
  tiktok::ClientOptions options;
  options.base_url = "https://demo.invalid/open_api/v1.3";
  options.retry.max_attempts = 1;
  const tiktok::Client client(upstream, nullptr, options, [](auto, const auto&) { return true; });
  tiktok::DirectExecutor executor(client, {"", "", tiktok::demo::kDefaultAdvertiserId, true, {}});
  changes::AuditLog audit("");
  changes::ConfirmationStore store;
  changes::Limits limits;
  limits.allow_delete = raw.value("allow_delete", json(false)) == true;
  changes::ChangeService service(executor, cat(), limits, audit, store);

  const std::string advertiser = prepared.params["advertiser_id"].get<std::string>();  // required: validated
  changes::ChangeRequest request{entity, action, prepared.params, advertiser};
  if (raw.contains("confirm") && raw["confirm"].is_string()) {
    expect_refusal(service, request, raw["confirm"].get<std::string>(), "a token the store never issued was accepted");
  }
  fuzz::expect_answer_or_error("the write path", [&] {
    changes::Plan plan = service.plan(request, {});
    fuzz::require(upstream.writes == 0, "a preview sent a write");
    const auto issued = service.hold(request, std::move(plan));
    const changes::Outcome outcome = service.confirm(request, issued.token, "fuzz", {});
    fuzz::require(upstream.writes <= 1, "a confirmation sent more than one write");
    if (outcome.status == "applied" && !action->write->creates()) {
      fuzz::require(outcome.results.size() == request.target_ids().size(), "not one result per target");
    }
    expect_refusal(service, request, issued.token, "a token was used twice");
  });
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  json request = json::parse(input, nullptr, false);
  if (!request.is_object() || !request.contains("entity")) request = request_from_bytes(input);
  run(request);
}
