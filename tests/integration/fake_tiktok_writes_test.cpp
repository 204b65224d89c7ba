// POSTs of TikTok writes through net::HttpClient to the fake TikTok server: bodies are
// recorded and applied, a fault can be aimed at one path, and a write whose answer never
// comes has still taken effect.

#include <catch2/catch.hpp>

#include "fakes/fake_tiktok_server.hpp"
#include "net/http_client.hpp"
#include "support/canaries.hpp"
#include "support/time_scale.hpp"
#include "tiktok/demo/demo_account.hpp"

using namespace std::chrono_literals;
using fakes::Fault;
using nlohmann::json;

namespace {

const std::string kToken = canary::kTikTokAccessToken;
const std::string kAdv = tiktok::demo::kDefaultAdvertiserId;
const std::string kCampaign = "1800000001001000000";  // Spring Sale - Traffic, ENABLE, DAY 150 USD

struct Rig {
  explicit Rig(std::chrono::milliseconds read_timeout = test::scaled(5000ms))
      : fake(kToken), http(net::HttpClientOptions{.read_timeout = read_timeout}) {}

  net::HttpResult send(const std::string& method, const std::string& path, const json& body) {
    net::HttpRequest request;
    request.method = method;
    request.base_url = fake.base_url();
    request.path = path;
    request.headers["Access-Token"] = kToken;
    if (method == "POST") request.body = body.dump();
    if (method == "GET") request.query = {{"advertiser_id", kAdv}, {"filtering", body.dump()}};
    return http.send(request, {});
  }

  json envelope(const std::string& method, const std::string& path, const json& body) {
    auto result = send(method, path, body);
    REQUIRE(result.ok());
    REQUIRE(result.status == 200);
    return json::parse(result.body);
  }

  json campaign() {
    auto answer = envelope("GET", "/campaign/get/", {{"campaign_ids", {kCampaign}}});
    REQUIRE(answer["data"]["list"].size() == 1);
    return answer["data"]["list"][0];
  }

  fakes::FakeTikTokServer fake;
  net::HttpClient http;
};

json pause_body() { return {{"advertiser_id", kAdv}, {"campaign_ids", {kCampaign}}, {"operation_status", "DISABLE"}}; }

json budget_body(double budget) { return {{"advertiser_id", kAdv}, {"campaign_id", kCampaign}, {"budget", budget}}; }

}  // namespace

TEST_CASE("fake TikTok: a POST's JSON body is recorded and applied, and reads show it") {
  Rig rig;
  auto answer = rig.envelope("POST", "/campaign/status/update/", pause_body());
  CHECK(answer["code"] == 0);
  CHECK(answer["data"]["campaign_ids"] == json{kCampaign});
  const auto recorded = rig.fake.requests().at(0);
  CHECK(recorded.method == "POST");
  CHECK(recorded.path == "/campaign/status/update/");
  CHECK(json::parse(recorded.body) == pause_body());
  CHECK(recorded.headers.at("Content-Type") == "application/json");
  CHECK(rig.campaign()["operation_status"] == "DISABLE");
  CHECK(rig.fake.requests().at(1).method == "GET");
  CHECK(rig.fake.requests().at(1).body.empty());

  CHECK(rig.send("GET", "/campaign/status/update/", json::object()).status == 405);
  CHECK(rig.send("POST", "/campaign/get/", json::object()).status == 405);
  CHECK(rig.envelope("POST", "/campaign/update/", budget_body(10))["message"] ==
        "budget: The budget must be greater than 50.00 USD.");
}

TEST_CASE("fake TikTok: a fault for one path leaves other requests alone") {
  Rig rig;
  rig.fake.queue(Fault::body_code(40002, "budget: The budget must be greater than 50.00 USD.").for_path("/campaign/update/"));
  rig.fake.queue(Fault::body_code(40100, "Too many requests").for_path("/campaign/status/update/"));
  CHECK(rig.campaign()["budget"] == 150.0);  // a read passes both by
  auto refused = rig.envelope("POST", "/campaign/update/", budget_body(300));
  CHECK(refused["code"] == 40002);
  CHECK(refused["message"] == "budget: The budget must be greater than 50.00 USD.");
  CHECK(rig.campaign()["budget"] == 150.0);  // the faulted write was not applied
  CHECK(rig.envelope("POST", "/campaign/update/", budget_body(300))["code"] == 0);  // the fault was used up
  CHECK(rig.campaign()["budget"] == 300.0);
  CHECK(rig.envelope("POST", "/campaign/status/update/", pause_body())["code"] == 40100);
  CHECK(rig.envelope("POST", "/campaign/status/update/", pause_body())["code"] == 0);
}

TEST_CASE("fake TikTok: applied_then_stall makes the change, then the client times out") {
  Rig rig(test::scaled(300ms));
  rig.fake.queue(Fault::applied_then_stall(test::scaled(1200ms)));
  auto lost = rig.send("POST", "/campaign/status/update/", pause_body());
  CHECK(lost.failure == net::Failure::Timeout);
  CHECK(rig.campaign()["operation_status"] == "DISABLE");  // the write took effect all the same
  CHECK(rig.fake.count("/campaign/status/update/") == 1);
}
