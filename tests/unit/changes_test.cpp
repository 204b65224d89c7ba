// The pieces of the safe write path that need no upstream: confirmation tokens, plans and
// drift, the mapping of TikTok's per-id answers, the audit log, the budget rules.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "catalog/catalog.hpp"
#include "changes/applier.hpp"
#include "changes/audit_log.hpp"
#include "changes/budget_rules.hpp"
#include "changes/confirmation_store.hpp"
#include "changes/planner.hpp"
#include "execution/upstream_error.hpp"
#include "util/date.hpp"

using nlohmann::json;

namespace {

const catalog::Catalog& cat() { return catalog::Catalog::builtin(); }

changes::ChangeRequest request(const std::string& entity, const std::string& action, json params) {
  const catalog::Entity* e = cat().find(entity);
  changes::ChangeRequest r{e, e->find_action(action), std::move(params), "7100000000000000001"};
  r.params["advertiser_id"] = r.advertiser_id;
  return r;
}

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const execution::UpstreamError& e) {
    CHECK(e.category() == execution::ErrorCategory::InvalidParams);
    return e.describe();
  }
  FAIL("no refusal");
  return "";
}

// An executor whose write answer is scripted.
class ScriptedWrites : public execution::Executor {
 public:
  execution::WriteAnswer answer;
  std::optional<execution::UpstreamError> error;
  int writes = 0;
  execution::Page fetch(const execution::Target&, const json&, const execution::CallContext&) override {
    throw std::logic_error("no reads here");
  }
  execution::WriteAnswer write(const execution::Target&, const json&, const execution::CallContext&) override {
    ++writes;
    if (error) throw *error;
    return answer;
  }
  execution::CheckReport check(const execution::CallContext&) override { return {}; }
  std::string mode() const override { return "test"; }
};

}  // namespace

TEST_CASE("the catalogue's write actions are data with their endpoints, and the read tool does not see them") {
  const auto* update = cat().find("campaigns")->find_action("update_status");
  REQUIRE(update != nullptr);
  REQUIRE(update->is_write());
  CHECK(update->write->path == "campaign/status/update/");
  CHECK(update->write->idempotent);
  CHECK_FALSE(cat().find("campaigns")->find_action("create")->write->idempotent);
  const auto reads = cat().action_names();
  CHECK(std::find(reads.begin(), reads.end(), "update_status") == reads.end());
  const auto writes = cat().write_action_names();
  CHECK(writes == std::vector<std::string>{"create", "update", "update_status"});
  CHECK(cat().writable_entity_names() == std::vector<std::string>{"campaigns", "ad_groups", "ads"});
}

TEST_CASE("write bodies fill params in, leave absent ones out and keep fixed values") {
  auto r = request("campaigns", "create", {{"campaign_name", "New"}, {"objective_type", "TRAFFIC"},
                                           {"budget_mode", "BUDGET_MODE_INFINITE"}});
  json body = catalog::build_body(r.spec(), r.params);
  CHECK(body == json{{"advertiser_id", "7100000000000000001"}, {"campaign_name", "New"}, {"objective_type", "TRAFFIC"},
                     {"budget_mode", "BUDGET_MODE_INFINITE"}, {"operation_status", "DISABLE"}});
}

TEST_CASE("a confirmation token is single-use, expires, and confirms only the call it was issued for") {
  auto now = std::chrono::system_clock::now();
  changes::ConfirmationStore store([&] { return now; });
  auto r = request("campaigns", "update", {{"campaign_id", "1"}, {"budget", 100.0}});
  const auto binding = changes::Binding::of(r);

  SECTION("used once") {
    auto issued = store.issue(binding, {});
    CHECK(issued.token.rfind("tmc_", 0) == 0);
    CHECK(issued.token.size() == 36);
    CHECK(issued.expires_at == now + std::chrono::minutes(5));
    store.redeem(issued.token, binding);
    CHECK_THAT(refusal([&] { store.redeem(issued.token, binding); }), Catch::Contains("already used"));
  }
  SECTION("expiry is given in UTC to the second") {
    const auto at = std::chrono::sys_days{std::chrono::year{2026} / 12 / 2} + std::chrono::hours(16) +
                    std::chrono::minutes(8) + std::chrono::seconds(9) + std::chrono::milliseconds(750);
    now = at - std::chrono::minutes(5);
    CHECK(util::format_utc_time(store.issue(binding, {}).expires_at) == "2026-12-02T16:08:09Z");
  }
  SECTION("expired after five minutes") {
    auto issued = store.issue(binding, {});
    now += std::chrono::minutes(5);
    CHECK_THAT(refusal([&] { store.redeem(issued.token, binding); }), Catch::Contains("expired"));
  }
  SECTION("another call is refused, saying what differs, and the token still works for its own") {
    auto issued = store.issue(binding, {});
    auto other = binding;
    other.params["budget"] = 150.0;
    CHECK_THAT(refusal([&] { store.redeem(issued.token, other); }), Catch::Contains("params.budget = 100.0, not 150.0"));
    other = binding;
    other.advertiser_id = "7100000000000000002";
    CHECK_THAT(refusal([&] { store.redeem(issued.token, other); }), Catch::Contains("advertiser 7100000000000000001"));
    other = binding;
    other.entity = "ad_groups";
    CHECK_THAT(refusal([&] { store.redeem(issued.token, other); }), Catch::Contains("entity campaigns, not ad_groups"));
    other = binding;
    other.params["campaign_name"] = "x";
    CHECK_THAT(refusal([&] { store.redeem(issued.token, other); }), Catch::Contains("no params.campaign_name"));
    store.redeem(issued.token, binding);
  }
  SECTION("a made-up token is refused") {
    CHECK_THAT(refusal([&] { store.redeem("tmc_00000000000000000000000000000000", binding); }),
               Catch::Contains("unknown or expired"));
  }
  SECTION("tokens are different every time") {
    CHECK(store.issue(binding, {}).token != store.issue(binding, {}).token);
  }
}

TEST_CASE("a plan lists only the fields that change, and drift names what moved since") {
  auto r = request("campaigns", "update_status", {{"ids", {"1", "2"}}, {"status", "DISABLE"}});
  changes::Targets targets{{"1", {{"campaign_id", "1"}, {"operation_status", "ENABLE"}, {"budget", 100}}},
                           {"2", {{"campaign_id", "2"}, {"operation_status", "DISABLE"}, {"budget", 50}}}};
  auto plan = changes::make_plan(r, targets, {"w"});
  REQUIRE(plan.changes.size() == 1);
  CHECK(changes::to_json(plan.changes[0]) == json{{"id", "1"}, {"field", "operation_status"}, {"from", "ENABLE"},
                                                   {"to", "DISABLE"}});
  CHECK(plan.warnings == std::vector<std::string>{"w"});
  CHECK(changes::drift(plan.snapshot, changes::snapshot_of(r, targets)).empty());
  targets["1"]["budget"] = 120;
  targets["2"]["secondary_status"] = "CAMPAIGN_STATUS_DELETE";
  auto moved = changes::drift(plan.snapshot, changes::snapshot_of(r, targets));
  REQUIRE(moved.size() == 2);
  CHECK(moved[0] == "1 budget was 100, now 120");
  CHECK(moved[1] == "2 operation_status was \"DISABLE\", now \"DELETE\"");
}

TEST_CASE("TikTok's per-id answers become per-id results, and a refusal says nothing changed") {
  ScriptedWrites executor;
  const execution::CallContext context;
  auto r = request("ad_groups", "update_status", {{"ids", {"1", "2", "3"}}, {"status", "DISABLE"}});
  changes::AccountReader reader(executor, cat(), context);

  executor.answer.data = {{"adgroup_ids", {"1", "3"}},
                          {"error_list", {{{"adgroup_id", "2"}, {"error_message", "R&F ad groups cannot be paused"}}}}};
  executor.answer.request_id = "rid-1";
  auto o = changes::apply_plan(r, {}, executor, reader, context);
  CHECK(o.status == "applied");
  CHECK(o.request_id == "rid-1");
  CHECK(o.results == json::parse(R"([{"id":"1","ok":true},{"id":"2","ok":false,"error":"R&F ad groups cannot be paused"},
                                     {"id":"3","ok":true}])"));

  execution::UpstreamError::Details d;
  d.category = execution::ErrorCategory::InvalidParams;
  d.source = "TikTok";
  d.code = 40002;
  d.message = "budget: too low";
  executor.error = execution::UpstreamError(d);
  o = changes::apply_plan(r, {}, executor, reader, context);
  CHECK(o.status == "failed");
  CHECK_THAT(o.message, Catch::Contains("40002") && Catch::Contains("Nothing was changed"));
  CHECK(o.results[1] == json{{"id", "2"}, {"ok", false}, {"error", "budget: too low"}});
}

TEST_CASE("the audit log appends one whole JSON line per change and redacts secrets") {
  const auto path = std::filesystem::temp_directory_path() / ("tmm-audit-" + std::to_string(::getpid()) + ".jsonl");
  std::filesystem::remove(path);
  changes::AuditLog log(path.string());
  log.append({{"status", "applied"}, {"entity", "campaigns"}, {"n", 1}});
  log.append({{"status", "unknown"}, {"entity", "ads"}, {"n", 2}});
  std::ifstream in(path);
  std::string line;
  std::vector<json> lines;
  while (std::getline(in, line)) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1]["n"] == 2);
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
  std::filesystem::remove(path);
  changes::AuditLog broken("/nonexistent-dir/audit.jsonl");
  CHECK_THROWS_WITH(broken.append({{"x", 1}}), Catch::Contains("cannot open the audit log"));
}

TEST_CASE("budget minimums scale by currency and are unknown for currencies without a ratio") {
  const auto& rules = changes::BudgetRules::builtin();
  CHECK(rules.minimum("campaign", "BUDGET_MODE_DAY", "USD") == 50);
  CHECK(rules.minimum("ad_group", "BUDGET_MODE_DAY", "USD") == 20);
  CHECK(rules.minimum("campaign", "BUDGET_MODE_DAY", "JPY") == 5000);
  CHECK_FALSE(rules.minimum("campaign", "BUDGET_MODE_DAY", "XYZ"));
  CHECK_FALSE(rules.minimum("campaign", "BUDGET_MODE_INFINITE", "USD"));
  CHECK(rules.no_budget_modes.count("BUDGET_MODE_INFINITE"));
}
