#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "config/load.hpp"
#include "log/redactor.hpp"
#include "support/canaries.hpp"

using config::ConfigError;

namespace {

const std::string kToken = canary::kTikTokAccessToken;

config::Config load(std::vector<std::string> args, config::Environment env = {}) {
  return config::load(args, env).config;
}

std::string error_of(std::vector<std::string> args, config::Environment env = {}) {
  try {
    config::load(args, env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

std::string write_temp(const std::string& content) {
  char path[] = "/tmp/tmm-config-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  FILE* f = fdopen(fd, "w");
  std::fputs(content.c_str(), f);
  std::fclose(f);
  return path;
}

}  // namespace

TEST_CASE("defaults") {
  auto c = load({});
  CHECK(c.transport == config::Transport::Stdio);
  CHECK(c.http.host == "127.0.0.1");
  CHECK(c.mode() == config::Mode::Unconfigured);
  CHECK(c.tiktok_base_url() == "https://business-api.tiktok.com/open_api/v1.3");
  CHECK(c.airbyte.api_base_url == "https://api.airbyte.ai");
  CHECK(c.output_max_chars == 100000);
  CHECK(c.upstream.rate_limit_qps == 10);
  CHECK(c.upstream.rate_limit_qpm == 600);
}

TEST_CASE("the mode follows the credentials; hosted wins over a token; --demo wins over both") {
  CHECK(load({}, {{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken}}).mode() == config::Mode::Direct);
  config::Environment hosted{{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken},
                             {"AIRBYTE_CLIENT_ID", "client"},
                             {"AIRBYTE_CLIENT_SECRET", canary::kAirbyteClientSecret}};
  CHECK(load({}, hosted).mode() == config::Mode::Hosted);
  CHECK(load({"--demo"}, hosted).mode() == config::Mode::Demo);
  CHECK_THAT(error_of({}, {{"AIRBYTE_CLIENT_ID", "client"}}), Catch::Contains("AIRBYTE_CLIENT_SECRET is not"));
}

TEST_CASE("sandbox switches the host; a base URL overrides both") {
  CHECK(load({}, {{"TIKTOK_MARKETING_SANDBOX", "true"}}).tiktok_base_url() ==
        "https://sandbox-ads.tiktok.com/open_api/v1.3");
  CHECK(load({}, {{"TIKTOK_MARKETING_API_BASE_URL", "http://127.0.0.1:9/open_api/v1.3/"}}).tiktok_base_url() ==
        "http://127.0.0.1:9/open_api/v1.3");
}

TEST_CASE("flags override the config file, which overrides the environment") {
  auto file = write_temp(R"({"transport":"http","port":9001,"log_level":"debug","allowed_origins":["https://a.example"]})");
  config::Environment env{{"TIKTOK_MARKETING_TRANSPORT", "sse"}, {"TIKTOK_MARKETING_PORT", "7000"}};
  auto from_env = load({}, env);
  CHECK(from_env.transport == config::Transport::Sse);
  CHECK(from_env.http.port == 7000);
  auto from_file = load({"--config", file}, env);
  CHECK(from_file.transport == config::Transport::Http);
  CHECK(from_file.http.port == 9001);
  CHECK(from_file.log_level == logging::Level::Debug);
  CHECK(from_file.http.allowed_origins == std::vector<std::string>{"https://a.example"});
  auto from_flags = load({"--config", file, "--transport", "stdio", "--port=9100"}, env);
  CHECK(from_flags.transport == config::Transport::Stdio);
  CHECK(from_flags.http.port == 9100);
  std::remove(file.c_str());
}

TEST_CASE("malformed values name the variable, key or flag and what is allowed") {
  CHECK(error_of({}, {{"TIKTOK_MARKETING_SANDBOX", "maybe"}}) ==
        "TIKTOK_MARKETING_SANDBOX: expected true or false (also 1/0, yes/no, on/off) (got \"maybe\")");
  CHECK_THAT(error_of({"--port", "70000"}), Catch::Contains("--port: must be from 0 to 65535"));
  CHECK_THAT(error_of({"--transport", "tcp"}), Catch::Contains("--transport: expected stdio, http or sse"));
  CHECK_THAT(error_of({"--log-level", "verbose"}), Catch::Contains("--log-level"));
  CHECK_THAT(error_of({"--bogus"}), Catch::Contains("unknown argument \"--bogus\""));
  CHECK_THAT(error_of({"--port"}), Catch::Contains("--port needs a value"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_ADVERTISER_ID", "abc"}}),
             Catch::Contains("TIKTOK_MARKETING_ADVERTISER_ID: expected a numeric id"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_API_BASE_URL", "http://example.com/open_api"}}),
             Catch::Contains("plain http is allowed only for a loopback host"));
  CHECK_THAT(error_of({}, {{"AIRBYTE_API_BASE_URL", "ftp://x"}}), Catch::Contains("AIRBYTE_API_BASE_URL"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_ACCES_TOKEN", "x"}}),
             Catch::Contains("unknown environment variable TIKTOK_MARKETING_ACCES_TOKEN"));
  CHECK(error_of({}, {{"AIRBYTE_SOMETHING_ELSE", "x"}, {"MCP_TIMEOUT", "5"}}).empty());
  CHECK_THAT(error_of({"--config", "/nonexistent/x.json"}), Catch::Contains("cannot read the file"));
  auto bad_key = write_temp(R"({"transprt":"http"})");
  CHECK_THAT(error_of({"--config", bad_key}), Catch::Contains("unknown key \"transprt\""));
  auto bad_json = write_temp("{nope");
  CHECK_THAT(error_of({"--config", bad_json}), Catch::Contains("is not valid JSON"));
  std::remove(bad_key.c_str());
  std::remove(bad_json.c_str());
}

TEST_CASE("secrets are never echoed in errors and are registered for redaction") {
  const std::string bad = "Zq9x";
  auto message = error_of({}, {{"TIKTOK_MARKETING_ACCESS_TOKEN", bad}});
  CHECK_THAT(message, Catch::Contains("TIKTOK_MARKETING_ACCESS_TOKEN"));
  CHECK(message.find(bad) == std::string::npos);
  auto spaced = error_of({}, {{"MCP_AUTH_TOKEN", std::string(canary::kMcpAuthToken) + " with spaces"}});
  CHECK_FALSE(canary::appears_in(spaced));
  auto c = load({}, {{"TIKTOK_MARKETING_ACCESS_TOKEN", "  " + kToken + "\n"}});
  CHECK(c.tiktok.access_token.reveal() == kToken);
  CHECK(c.tiktok.access_token.describe() == "set");
  CHECK(logging::redact("token=" + kToken) == "token=[REDACTED]");
}

TEST_CASE("help lists every flag and variable and no value") {
  auto text = config::help_text();
  for (const char* name :
       {"--transport", "--host", "--port", "--config", "--log-level", "--demo", "--help", "--version",
        "TIKTOK_MARKETING_ACCESS_TOKEN", "TIKTOK_MARKETING_ADVERTISER_ID", "TIKTOK_MARKETING_APP_ID",
        "TIKTOK_MARKETING_APP_SECRET", "TIKTOK_MARKETING_SANDBOX", "TIKTOK_MARKETING_API_BASE_URL", "AIRBYTE_CLIENT_ID",
        "AIRBYTE_CLIENT_SECRET", "AIRBYTE_EXTERNAL_USER_ID", "AIRBYTE_ORGANIZATION_ID", "AIRBYTE_CONNECTOR_ID",
        "AIRBYTE_API_BASE_URL", "MCP_AUTH_TOKEN"}) {
    CHECK_THAT(text, Catch::Contains(name));
  }
  CHECK(config::load({"--help"}, {{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken}}).show_help);
}

TEST_CASE("writes: off by default in direct mode, on in demo mode, never in hosted mode") {
  const config::Environment direct{{"TIKTOK_MARKETING_ACCESS_TOKEN", kToken}};
  auto c = load({}, direct);
  CHECK_FALSE(c.writes_enabled());
  CHECK_FALSE(c.writes.allow_delete);
  CHECK_FALSE(c.writes.max_budget);
  CHECK(c.writes.max_budget_change_pct == 50);
  CHECK(c.writes.max_bid_change_pct == 50);
  CHECK(c.writes.audit_log.empty());
  CHECK(load({"--allow-writes"}, direct).writes_enabled());
  CHECK(load({"--allow-writes=false"}, direct).writes.allow_writes == false);
  auto env = direct;
  env["TIKTOK_MARKETING_ALLOW_WRITES"] = "true";
  env["TIKTOK_MARKETING_ALLOW_DELETE"] = "yes";
  env["TIKTOK_MARKETING_MAX_BUDGET"] = "1250.50";
  env["TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT"] = "0";
  env["TIKTOK_MARKETING_MAX_BID_CHANGE_PCT"] = "20";
  env["TIKTOK_MARKETING_AUDIT_LOG"] = "/var/log/tmm/changes.jsonl";
  c = load({}, env);
  CHECK(c.writes_enabled());
  CHECK(c.writes.allow_delete);
  CHECK(c.writes.max_budget == 1250.5);
  CHECK(c.writes.max_budget_change_pct == 0);
  CHECK(c.writes.max_bid_change_pct == 20);
  CHECK(c.writes.audit_log == "/var/log/tmm/changes.jsonl");
  CHECK(load({"--audit-log", "/tmp/a.jsonl"}, direct).writes.audit_log == "/tmp/a.jsonl");

  CHECK(load({"--demo"}).writes_enabled());
  CHECK_FALSE(load({"--demo", "--allow-writes=false"}).writes_enabled());
  auto hosted = env;
  hosted["AIRBYTE_CLIENT_ID"] = "client";
  hosted["AIRBYTE_CLIENT_SECRET"] = canary::kAirbyteClientSecret;
  CHECK_FALSE(load({}, hosted).writes_enabled());
  CHECK_FALSE(load({}, {{"TIKTOK_MARKETING_ALLOW_WRITES", "true"}}).writes_enabled());  // no credentials
}

TEST_CASE("writes: malformed limits stop the server with a message naming the variable") {
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_MAX_BUDGET", "0"}}),
             Catch::Contains("TIKTOK_MARKETING_MAX_BUDGET") && Catch::Contains("positive amount"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT", "-5"}}),
             Catch::Contains("TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT") && Catch::Contains("percentage"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_MAX_BID_CHANGE_PCT", "lots"}}), Catch::Contains("percentage"));
  CHECK_THAT(error_of({}, {{"TIKTOK_MARKETING_ALLOW_WRITES", "maybe"}}), Catch::Contains("expected true or false"));
  CHECK_THAT(error_of({"--audit-log", "/var/log/"}), Catch::Contains("not a directory"));
}
