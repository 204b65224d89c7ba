// tiktok_marketing_change end to end inside the process: a Server built by the app for a
// Config that points at the fake TikTok server, driven through an MCP session. The fake's
// request log proves what was and was not sent.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/server_factory.hpp"
#include "fakes/fake_airbyte_server.hpp"
#include "fakes/fake_tiktok_server.hpp"
#include "support/canaries.hpp"
#include "support/direct_config.hpp"
#include "support/log_capture.hpp"
#include "support/session_client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "util/date.hpp"

using fakes::Fault;
using nlohmann::json;

namespace {

const std::string kToken = canary::kTikTokAccessToken;
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;

config::Config direct_config(const fakes::FakeTikTokServer& fake) {
  config::Config c = test::direct_config(fake.base_url());
  c.upstream.retry_budget = std::chrono::milliseconds(5000);
  c.writes.allow_writes = true;
  return c;
}

struct Running {
  explicit Running(const config::Config& c, json capabilities = json::object())
      : app(app::build(c)), client(*app.server) {
    init = client.request("initialize", {{"protocolVersion", "2025-11-25"},
                                         {"capabilities", std::move(capabilities)},
                                         {"clientInfo", {{"name", "change-test"}, {"version", "1.0"}}}});
    client.send(json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
  }
  ~Running() { app.server->join(); }

  json change(const std::string& entity, const std::string& action, json params, std::string confirm = "") {
    json args{{"entity", entity}, {"action", action}, {"params", std::move(params)}};
    if (!confirm.empty()) args["confirm"] = confirm;
    return client.call("tiktok_marketing_change", args)["result"];
  }
  json list(const std::string& entity, json params = json::object()) {
    return client.call("tiktok_marketing_execute", {{"entity", entity}, {"action", "list"}, {"params", params}})
        ["result"]["structuredContent"]["data"];
  }
  json record(const std::string& entity, const std::string& id_field, const std::string& id) {
    for (const auto& r : list(entity, {{"filtering", {{"primary_status", "STATUS_ALL"}}}})) {
      if (r[id_field] == id) return r;
    }
    return nullptr;
  }
  std::string id_named(const std::string& entity, const std::string& id_field, const std::string& name_field,
                       const std::string& name) {
    for (const auto& r : list(entity, {{"filtering", {{"primary_status", "STATUS_ALL"}}}})) {
      if (r[name_field] == name) return r[id_field];
    }
    FAIL("no " << entity << " named " << name);
    return "";
  }
  std::vector<std::string> tool_names() {
    std::vector<std::string> names;
    json listed = client.request("tools/list");
    INFO(listed.dump().substr(0, 400));
    REQUIRE(listed.contains("result"));
    for (const auto& t : listed["result"]["tools"]) names.push_back(t["name"]);
    return names;
  }

  app::App app;
  test::SessionClient client;
  json init;
};

std::string text_of(const json& result) { return result["content"][0]["text"].get<std::string>(); }

std::size_t posts(const fakes::FakeTikTokServer& fake) {
  std::size_t n = 0;
  for (const auto& r : fake.requests()) n += r.method == "POST";
  return n;
}

const char* const kSpring = "Spring Sale - Traffic";  // ENABLE, BUDGET_MODE_DAY 150

}  // namespace

TEST_CASE("the change tool is absent unless writes are on, and the instructions say how to turn them on") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = direct_config(fake);
  c.writes.allow_writes.reset();
  Running off(c);
  auto names = off.tool_names();
  CHECK(std::find(names.begin(), names.end(), "tiktok_marketing_change") == names.end());
  CHECK_THAT(off.init["result"]["instructions"].get<std::string>(), Catch::Contains("TIKTOK_MARKETING_ALLOW_WRITES=true"));
  auto refused = off.client.call("tiktok_marketing_change", {{"entity", "campaigns"}, {"action", "update"}});
  CHECK(refused["error"]["code"] == -32602);

  c.writes.allow_writes = true;
  Running on(c);
  names = on.tool_names();
  REQUIRE(std::find(names.begin(), names.end(), "tiktok_marketing_change") != names.end());
  const json listed = on.client.request("tools/list");
  for (const auto& t : listed["result"]["tools"]) {
    if (t["name"] == "tiktok_marketing_change") {
      CHECK(t["annotations"] == json{{"title", "TikTok Marketing: change the account"}, {"readOnlyHint", false},
                                     {"destructiveHint", true}, {"idempotentHint", false}, {"openWorldHint", true}});
      CHECK(t.contains("outputSchema"));
    }
    if (t["name"] == "tiktok_marketing_execute") CHECK(t["annotations"]["readOnlyHint"] == true);
  }
  // The read tool does not run write actions.
  auto via_execute = on.client.call("tiktok_marketing_execute", {{"entity", "campaigns"}, {"action", "update_status"}});
  CHECK(via_execute["result"]["isError"] == true);
}

TEST_CASE("a preview changes nothing upstream; its token applies the change once") {
  fakes::FakeTikTokServer fake(kToken);
  const auto audit = std::filesystem::temp_directory_path() / ("tmm-change-audit-" + std::to_string(::getpid()));
  std::filesystem::remove(audit);
  auto c = direct_config(fake);
  c.writes.audit_log = audit.string();
  Running r(c);
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  fake.reset_log();

  auto preview = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}});
  REQUIRE_FALSE(preview.contains("isError"));
  const json& p = preview["structuredContent"];
  CHECK(p["status"] == "preview");
  CHECK(p["changes"] == json::array({{{"id", id}, {"field", "operation_status"}, {"from", "ENABLE"}, {"to", "DISABLE"}}}));
  REQUIRE(p["confirm"].is_string());
  CHECK(p["expires_at"].is_string());
  CHECK(json::parse(text_of(preview)) == p);
  CHECK(posts(fake) == 0);
  CHECK(fake.count() > 0);  // it read the targets
  CHECK(r.record("campaigns", "campaign_id", id)["operation_status"] == "ENABLE");

  const std::string token = p["confirm"];
  auto applied = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}}, token);
  REQUIRE_FALSE(applied.contains("isError"));
  CHECK(applied["structuredContent"]["status"] == "applied");
  CHECK(applied["structuredContent"]["results"] == json::array({{{"id", id}, {"ok", true}}}));
  CHECK_FALSE(applied["structuredContent"]["request_id"].get<std::string>().empty());
  CHECK(posts(fake) == 1);
  CHECK(r.record("campaigns", "campaign_id", id)["operation_status"] == "DISABLE");

  auto again = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}}, token);
  CHECK(again["isError"] == true);
  CHECK_THAT(text_of(again), Catch::Contains("already used"));
  CHECK(posts(fake) == 1);

  std::ifstream in(audit);
  std::string line;
  REQUIRE(std::getline(in, line));
  json entry = json::parse(line);
  CHECK(entry["advertiser_id"] == kAdv);
  CHECK(entry["entity"] == "campaigns");
  CHECK(entry["action"] == "update_status");
  CHECK(entry["ids"] == json::array({id}));
  CHECK(entry["changes"][0]["to"] == "DISABLE");
  CHECK(entry["results"][0]["ok"] == true);
  CHECK(entry["status"] == "applied");
  CHECK(entry["client"] == "change-test 1.0");
  CHECK(entry.contains("time"));
  CHECK(entry.contains("request_id"));
  CHECK(line.find(kToken) == std::string::npos);
  CHECK_FALSE(std::getline(in, line));
  std::filesystem::remove(audit);
}

TEST_CASE("a token confirms only its own call and only while the targets are as previewed") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);

  auto first = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 160}})["structuredContent"];
  REQUIRE(first["status"] == "preview");
  CHECK(first["changes"] == json::array({{{"id", id}, {"field", "budget"}, {"from", 150}, {"to", 160.0}}}));

  auto altered = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 170}}, first["confirm"]);
  CHECK(altered["isError"] == true);
  CHECK_THAT(text_of(altered), Catch::Contains("params.budget = 160, not 170"));
  auto other_action = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}}, first["confirm"]);
  CHECK_THAT(text_of(other_action), Catch::Contains("action update, not update_status"));
  CHECK(posts(fake) == 0);

  // Someone else changes the campaign between the preview and the confirmation.
  auto second = r.change("campaigns", "update", {{"campaign_id", id}, {"campaign_name", "Spring Sale - renamed"}});
  REQUIRE(r.change("campaigns", "update", {{"campaign_id", id}, {"campaign_name", "Spring Sale - renamed"}},
                   second["structuredContent"]["confirm"])["structuredContent"]["status"] == "applied");
  auto stale = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 160}}, first["confirm"]);
  CHECK(stale["isError"] == true);
  CHECK_THAT(text_of(stale), Catch::Contains("changed since the preview") && Catch::Contains("campaign_name"));
  CHECK(posts(fake) == 1);
  CHECK(r.record("campaigns", "campaign_id", id)["budget"] == 150);
}

TEST_CASE("guard rails refuse before anything is sent, naming the rule or setting") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = direct_config(fake);
  c.writes.max_budget = 1000;
  Running r(c);
  const std::string spring = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  const std::string leads = r.id_named("campaigns", "campaign_id", "campaign_name", "Lead Gen - Guided Tours");
  const std::string old = r.id_named("campaigns", "campaign_id", "campaign_name", "Old Winter Promo");
  auto refused = [&](const std::string& entity, const std::string& action, json params) {
    auto result = r.change(entity, action, std::move(params));
    CHECK(result["isError"] == true);
    return text_of(result);
  };
  CHECK_THAT(refused("campaigns", "update_status", {{"ids", {spring}}, {"status", "DELETE"}}),
             Catch::Contains("TIKTOK_MARKETING_ALLOW_DELETE=true"));
  CHECK_THAT(refused("campaigns", "update", {{"campaign_id", spring}, {"budget", 40}}),
             Catch::Contains("below TikTok's minimum campaign budget of 50.00 USD"));
  CHECK_THAT(refused("campaigns", "update", {{"campaign_id", spring}, {"budget", 1200}}),
             Catch::Contains("TIKTOK_MARKETING_MAX_BUDGET=1000.00"));
  CHECK_THAT(refused("campaigns", "update", {{"campaign_id", spring}, {"budget", 300}}),
             Catch::Contains("rise by 100%") && Catch::Contains("TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT allows at most 50%"));
  CHECK_THAT(refused("campaigns", "update", {{"campaign_id", leads}, {"budget", 100}}),
             Catch::Contains("BUDGET_MODE_INFINITE, which takes no budget"));
  CHECK_THAT(refused("campaigns", "update", {{"campaign_id", spring}}), Catch::Contains("nothing to change"));
  CHECK_THAT(refused("campaigns", "update_status", {{"ids", {old}}, {"status", "ENABLE"}}), Catch::Contains("is deleted"));
  CHECK_THAT(refused("campaigns", "update_status", {{"ids", {"1234"}}, {"status", "DISABLE"}}),
             Catch::Contains("has no campaign with id 1234"));
  CHECK_THAT(refused("campaigns", "update_status", {{"ids", {spring, spring}}, {"status", "DISABLE"}}),
             Catch::Contains("named twice"));
  CHECK_THAT(refused("campaigns", "update_status", {{"ids", json::array()}, {"status", "DISABLE"}}),
             Catch::Contains("params.ids"));
  CHECK_THAT(refused("campaigns", "create", {{"campaign_name", "X"}, {"objective_type", "TRAFFIC"},
                                             {"budget_mode", "BUDGET_MODE_INFINITE"}, {"budget", 100}}),
             Catch::Contains("takes no budget"));
  CHECK_THAT(refused("campaigns", "create", {{"campaign_name", kSpring}, {"objective_type", "TRAFFIC"},
                                             {"budget_mode", "BUDGET_MODE_DAY"}, {"budget", 100}}),
             Catch::Contains("already has a campaign named"));
  CHECK_THAT(refused("campaigns", "create", {{"campaign_name", "X"}, {"objective_type", "TRAFFIC"},
                                             {"budget_mode", "BUDGET_MODE_DAY"}}),
             Catch::Contains("needs a budget"));
  CHECK(posts(fake) == 0);
  fake.reset_log();
  // Refusals that need no reading read nothing either.
  refused("campaigns", "update_status", {{"ids", {spring}}, {"status", "DELETE"}});
  refused("campaigns", "update", {{"campaign_id", spring}, {"budget", 5000}});
  refused("campaigns", "update", {{"campaign_id", "not-a-number"}, {"budget", 100}});
  CHECK(fake.count() == 0);
}

TEST_CASE("bids change only where TikTok takes them, within TIKTOK_MARKETING_MAX_BID_CHANGE_PCT") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  std::string custom, no_bid;
  for (const auto& g : r.list("ad_groups")) {
    if (g["bid_type"] == "BID_TYPE_CUSTOM" && custom.empty()) custom = g["adgroup_id"];
    if (g["bid_type"] == "BID_TYPE_NO_BID" && no_bid.empty()) no_bid = g["adgroup_id"];
  }
  REQUIRE_FALSE(custom.empty());
  REQUIRE_FALSE(no_bid.empty());
  auto refused = r.change("ad_groups", "update", {{"adgroup_id", no_bid}, {"bid_price", 1.5}});
  CHECK_THAT(text_of(refused), Catch::Contains("TikTok takes bid_price only with BID_TYPE_CUSTOM"));
  const double bid = r.record("ad_groups", "adgroup_id", custom)["bid_price"].get<double>();
  auto too_much = r.change("ad_groups", "update", {{"adgroup_id", custom}, {"bid_price", bid * 2}});
  CHECK_THAT(text_of(too_much), Catch::Contains("TIKTOK_MARKETING_MAX_BID_CHANGE_PCT"));
  auto preview = r.change("ad_groups", "update", {{"adgroup_id", custom}, {"bid_price", bid * 1.2}})["structuredContent"];
  REQUIRE(preview["status"] == "preview");
  auto applied = r.change("ad_groups", "update", {{"adgroup_id", custom}, {"bid_price", bid * 1.2}}, preview["confirm"]);
  CHECK(applied["structuredContent"]["status"] == "applied");
  CHECK(r.record("ad_groups", "adgroup_id", custom)["bid_price"].get<double>() == Approx(bid * 1.2));
  CHECK(posts(fake) == 1);
}

TEST_CASE("pausing everything that delivers is previewed with a warning") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  json delivering = json::array();
  for (const auto& c : r.list("campaigns")) {
    if (c["operation_status"] == "ENABLE") delivering.push_back(c["campaign_id"]);
  }
  REQUIRE(delivering.size() > 1);
  auto all = r.change("campaigns", "update_status", {{"ids", delivering}, {"status", "DISABLE"}})["structuredContent"];
  REQUIRE(all["warnings"].size() == 1);
  CHECK_THAT(all["warnings"][0].get<std::string>(), Catch::Contains("stops every delivering campaign"));
  json some = json::array({delivering[0]});
  auto one = r.change("campaigns", "update_status", {{"ids", some}, {"status", "DISABLE"}})["structuredContent"];
  CHECK(one["warnings"].empty());
}

TEST_CASE("a paused create goes out once; a lost answer is re-read, never retried") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = direct_config(fake);
  c.upstream.read_timeout = std::chrono::milliseconds(300);
  c.upstream.max_attempts = 4;
  Running r(c);
  json params{{"campaign_name", "Winter Launch"}, {"objective_type", "TRAFFIC"}, {"budget_mode", "BUDGET_MODE_DAY"},
              {"budget", 80}, {"operation_status", "ENABLE"}};
  auto preview = r.change("campaigns", "create", params)["structuredContent"];
  REQUIRE(preview["status"] == "preview");
  CHECK_THAT(preview["warnings"][0].get<std::string>(), Catch::Contains("created paused"));
  CHECK(preview["changes"].size() == 5);
  CHECK(preview["changes"][4] == json{{"id", "(new)"}, {"field", "operation_status"}, {"from", nullptr}, {"to", "DISABLE"}});

  fake.queue(Fault::applied_then_stall(std::chrono::milliseconds(2000)).for_path("/campaign/create/"));
  auto unknown = r.change("campaigns", "create", params, preview["confirm"]);
  CHECK(unknown["isError"] == true);
  const json& u = unknown["structuredContent"];
  CHECK(u["status"] == "unknown");
  REQUIRE(u["results"].size() == 1);
  CHECK(u["results"][0]["change_in_effect"] == true);
  const std::string created = u["results"][0]["id"];
  CHECK_THAT(u["message"].get<std::string>(), Catch::Contains("the create went through") && Catch::Contains(created));
  CHECK(fake.count("/campaign/create/") == 1);
  auto record = r.record("campaigns", "campaign_id", created);
  CHECK(record["campaign_name"] == "Winter Launch");
  CHECK(record["operation_status"] == "DISABLE");
}

TEST_CASE("idempotent writes are retried on a rate limit; TikTok's refusals are reported, not hidden") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  json params{{"ids", {id}}, {"status", "DISABLE"}};

  fake.queue(Fault::body_code(40100, "Too many requests").for_path("/campaign/status/update/"));
  auto preview = r.change("campaigns", "update_status", params)["structuredContent"];
  auto applied = r.change("campaigns", "update_status", params, preview["confirm"]);
  CHECK(applied["structuredContent"]["status"] == "applied");
  CHECK(fake.count("/campaign/status/update/") == 2);

  json budget{{"campaign_id", id}, {"budget", 120}};
  fake.queue(Fault::body_code(40002, "budget: The budget must be at least 105% of the spend").for_path("/campaign/update/"));
  preview = r.change("campaigns", "update", budget)["structuredContent"];
  auto failed = r.change("campaigns", "update", budget, preview["confirm"]);
  CHECK(failed["isError"] == true);
  CHECK(failed["structuredContent"]["status"] == "failed");
  CHECK_THAT(failed["structuredContent"]["message"].get<std::string>(),
             Catch::Contains("40002") && Catch::Contains("105%") && Catch::Contains("Nothing was changed"));
  CHECK(fake.count("/campaign/update/") == 1);
  CHECK(r.record("campaigns", "campaign_id", id)["budget"] == 150);
}

TEST_CASE("an update whose answer is lost on every attempt is re-read and reported as unknown") {
  fakes::FakeTikTokServer fake(kToken);
  auto c = direct_config(fake);
  c.upstream.read_timeout = std::chrono::milliseconds(300);
  Running r(c);
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  json params{{"ids", {id}}, {"status", "DISABLE"}};
  auto preview = r.change("campaigns", "update_status", params)["structuredContent"];
  fake.queue(Fault::applied_then_stall(std::chrono::milliseconds(1500)).for_path("/campaign/status/update/"), 2);
  auto unknown = r.change("campaigns", "update_status", params, preview["confirm"]);
  CHECK(unknown["isError"] == true);
  const json& u = unknown["structuredContent"];
  CHECK(u["status"] == "unknown");
  CHECK(u["results"] == json::array({{{"id", id}, {"outcome", "unknown"}, {"change_in_effect", true},
                                      {"now", {{"operation_status", "DISABLE"}}}}}));
  CHECK_THAT(u["message"].get<std::string>(), Catch::Contains("in effect for 1 of 1"));
  CHECK(fake.count("/campaign/status/update/") == 2);  // idempotent: retried once, as max_attempts allows
}

TEST_CASE("a budget below today's spend is previewed with a warning") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake));
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  const std::string today = util::format_date(util::today_utc());
  double spent = 0;
  for (const auto& row : r.list("campaigns_reports_daily", {{"start_date", today}, {"end_date", today}, {"metrics", {"spend"}}})) {
    if (row["campaign_id"] == id) spent = std::stod(row["spend"].get<std::string>());
  }
  auto preview = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 51}})["structuredContent"];
  REQUIRE(preview["status"] == "preview");
  const bool below = 51 < spent * 1.05;
  INFO("spent today " << spent);
  CHECK(preview["warnings"].size() == (below ? 1u : 0u));
  if (below) CHECK_THAT(preview["warnings"][0].get<std::string>(), Catch::Contains("has spent today"));
}

TEST_CASE("a client that can show forms is asked instead of given a token; declining changes nothing") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake), {{"elicitation", json::object()}});
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  auto answer_with = [&](json response) {
    // Answers the first elicitation request the server sends.
    std::thread responder([&] {
      for (int i = 0; i < 500; ++i) {
        for (const auto& m : r.client.messages()) {
          if (m.value("method", "") == "elicitation/create") {
            CHECK_THAT(m["params"]["message"].get<std::string>(),
                       Catch::Contains(id + ": operation_status ENABLE -> DISABLE"));
            r.client.send({{"jsonrpc", "2.0"}, {"id", m["id"]}, {"result", response}});
            return;
          }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
    auto result = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}});
    responder.join();
    return result;
  };
  auto declined = answer_with({{"action", "decline"}});
  CHECK(declined["structuredContent"]["status"] == "declined");
  CHECK(posts(fake) == 0);
  CHECK(r.record("campaigns", "campaign_id", id)["operation_status"] == "ENABLE");
}

TEST_CASE("approving through the form applies the change") {
  fakes::FakeTikTokServer fake(kToken);
  Running r(direct_config(fake), {{"elicitation", {{"form", json::object()}}}});
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  std::thread responder([&] {
    for (int i = 0; i < 500; ++i) {
      for (const auto& m : r.client.messages()) {
        if (m.value("method", "") == "elicitation/create") {
          r.client.send({{"jsonrpc", "2.0"}, {"id", m["id"]},
                         {"result", {{"action", "accept"}, {"content", {{"decision", "approve"}}}}}});
          return;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  auto result = r.change("campaigns", "update_status", {{"ids", {id}}, {"status", "DISABLE"}});
  responder.join();
  CHECK(result["structuredContent"]["status"] == "applied");
  CHECK(posts(fake) == 1);
  CHECK(r.record("campaigns", "campaign_id", id)["operation_status"] == "DISABLE");
}

TEST_CASE("demo mode has writes on by default and later reads show them; hosted mode never lists the tool") {
  config::Config demo;
  demo.demo = true;
  demo.workers = 2;
  Running r(demo);
  const std::string id = r.id_named("campaigns", "campaign_id", "campaign_name", kSpring);
  auto preview = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 200}})["structuredContent"];
  REQUIRE(preview["status"] == "preview");
  auto applied = r.change("campaigns", "update", {{"campaign_id", id}, {"budget", 200}}, preview["confirm"]);
  CHECK(applied["structuredContent"]["status"] == "applied");
  CHECK(r.record("campaigns", "campaign_id", id)["budget"] == 200.0);

  config::Config off = demo;
  off.writes.allow_writes = false;
  Running no_writes(off);
  auto names = no_writes.tool_names();
  CHECK(std::find(names.begin(), names.end(), "tiktok_marketing_change") == names.end());

  // Hosted mode, even when writes are asked for: not listed, and the instructions say why.
  fakes::FakeAirbyteServer airbyte("client-id-writes", canary::kAirbyteClientSecret);
  config::Config hosted;
  hosted.airbyte.client_id = "client-id-writes";
  hosted.airbyte.client_secret = config::Secret(canary::kAirbyteClientSecret);
  hosted.airbyte.api_base_url = airbyte.url();
  hosted.airbyte.external_user_id = "user-writes";
  hosted.writes.allow_writes = true;
  hosted.workers = 2;
  Running h(hosted);
  names = h.tool_names();
  CHECK(std::find(names.begin(), names.end(), "tiktok_marketing_connector_list") != names.end());
  CHECK(std::find(names.begin(), names.end(), "tiktok_marketing_change") == names.end());
  CHECK_THAT(h.init["result"]["instructions"].get<std::string>(), Catch::Contains("Writes need direct mode"));
}
