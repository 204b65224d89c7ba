#include "app/services.hpp"

#include "app/hosted_services.hpp"
#include "config/settings.hpp"
#include "execution/unconfigured_executor.hpp"
#include "net/http_client.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/demo/demo_api.hpp"
#include "tiktok/direct_executor.hpp"
#include "upstream/retry_policy.hpp"

namespace app {

namespace {

constexpr const char* kDemoBaseUrl = "https://demo.invalid/open_api/v1.3";  // never contacted

upstream::RetryPolicy retry_policy(const config::Config& c) {
  upstream::RetryPolicy r;
  r.max_attempts = c.upstream.max_attempts;
  r.budget = c.upstream.retry_budget;
  return r;
}

// The demo's tasks finish on their third check, so its waits are short.
tiktok::TaskPolling report_task_polling(const config::Config& c, bool demo) {
  tiktok::TaskPolling p;
  p.first_wait = demo ? std::chrono::milliseconds(20) : c.upstream.report_task_poll;
  p.max_wait = p.first_wait * 15;
  p.total_wait = c.upstream.report_task_timeout;
  return p;
}

// What the check tool may say about the configuration: names, plain values, and for secrets
// only whether they are set.
nlohmann::json settings_summary(const config::Config& c) {
  nlohmann::json s = nlohmann::json::object();
  s["TIKTOK_MARKETING_ACCESS_TOKEN"] = c.tiktok.access_token.describe();
  s["TIKTOK_MARKETING_ADVERTISER_ID"] = c.tiktok.advertiser_id.empty() ? "not set" : c.tiktok.advertiser_id;
  s["TIKTOK_MARKETING_APP_ID"] = c.tiktok.app_id.empty() ? "not set" : c.tiktok.app_id;
  s["TIKTOK_MARKETING_APP_SECRET"] = c.tiktok.app_secret.describe();
  s["TIKTOK_MARKETING_SANDBOX"] = c.tiktok.sandbox;
  s["api_base_url"] = c.demo ? "none: demo mode serves a built-in sample account" : c.tiktok_base_url();
  s["AIRBYTE_CLIENT_ID"] = c.airbyte.client_id.empty() ? "not set" : "set";
  s["AIRBYTE_CLIENT_SECRET"] = c.airbyte.client_secret.describe();
  s["AIRBYTE_EXTERNAL_USER_ID"] = c.airbyte.external_user_id.empty() ? "not set" : c.airbyte.external_user_id;
  s["AIRBYTE_ORGANIZATION_ID"] = c.airbyte.organization_id.empty() ? "not set" : c.airbyte.organization_id;
  s["AIRBYTE_CONNECTOR_ID"] = c.airbyte.connector_id.empty() ? "not set" : c.airbyte.connector_id;
  if (c.mode() == config::Mode::Hosted) s["airbyte_api_base_url"] = c.airbyte.api_base_url;
  s["writes"] = c.writes_enabled() ? "on (tiktok_marketing_change)" : "off";
  s["TIKTOK_MARKETING_ALLOW_DELETE"] = c.writes.allow_delete;
  s["TIKTOK_MARKETING_MAX_BUDGET"] = c.writes.max_budget ? nlohmann::json(*c.writes.max_budget) : nlohmann::json("not set");
  s["TIKTOK_MARKETING_MAX_BUDGET_CHANGE_PCT"] = c.writes.max_budget_change_pct;
  s["TIKTOK_MARKETING_MAX_BID_CHANGE_PCT"] = c.writes.max_bid_change_pct;
  s["TIKTOK_MARKETING_AUDIT_LOG"] = c.writes.audit_log.empty() ? "not set" : c.writes.audit_log;
  return s;
}

void make_direct(const config::Config& c, Services& s, bool demo) {
  tiktok::ClientOptions options;
  options.retry = retry_policy(c);
  tiktok::DirectSettings settings;
  settings.demo = demo;
  settings.advertiser_id = c.tiktok.advertiser_id;
  settings.report_tasks = report_task_polling(c, demo);
  if (demo) {
    s.transport = std::make_unique<tiktok::demo::DemoApi>();
    options.base_url = kDemoBaseUrl;
    if (settings.advertiser_id.empty()) settings.advertiser_id = tiktok::demo::kDefaultAdvertiserId;
  } else {
    net::HttpClientOptions http;
    http.connect_timeout = c.upstream.connect_timeout;
    http.read_timeout = c.upstream.read_timeout;
    s.transport = std::make_unique<net::HttpClient>(http);
    s.limiter = std::make_unique<net::RateLimiter>(c.upstream.rate_limit_qps, c.upstream.rate_limit_qpm);
    options.base_url = c.tiktok_base_url();
    options.access_token = c.tiktok.access_token.reveal();
    settings.app_id = c.tiktok.app_id;
    settings.app_secret = c.tiktok.app_secret.reveal();
  }
  s.tiktok_client = std::make_unique<tiktok::Client>(*s.transport, s.limiter.get(), options);
  s.executor = std::make_unique<tiktok::DirectExecutor>(*s.tiktok_client, settings);
  s.environment.defaults.advertiser_id = settings.advertiser_id;
}

changes::Limits write_limits(const config::Config& c) {
  changes::Limits l;
  l.allow_delete = c.writes.allow_delete;
  l.max_budget = c.writes.max_budget;
  l.max_budget_change_pct = c.writes.max_budget_change_pct;
  l.max_bid_change_pct = c.writes.max_bid_change_pct;
  return l;
}

void make_writes(const config::Config& c, Services& s) {
  s.audit = std::make_unique<changes::AuditLog>(c.writes.audit_log);
  s.confirmations = std::make_unique<changes::ConfirmationStore>();
  s.changes = std::make_unique<changes::ChangeService>(*s.executor, catalog::Catalog::builtin(), write_limits(c),
                                                       *s.audit, *s.confirmations);
  s.environment.changes = s.changes.get();
}

}  // namespace

std::unique_ptr<Services> make_services(const config::Config& c) {
  auto s = std::make_unique<Services>();
  switch (c.mode()) {
    case config::Mode::Demo:
      make_direct(c, *s, true);
      break;
    case config::Mode::Direct:
      make_direct(c, *s, false);
      break;
    case config::Mode::Hosted:
      make_hosted(c, *s);
      break;
    case config::Mode::Unconfigured:
      s->executor = std::make_unique<execution::UnconfiguredExecutor>();
      s->environment.defaults.advertiser_id = c.tiktok.advertiser_id;
      break;
  }
  s->environment.catalog = &catalog::Catalog::builtin();
  s->environment.executor = s->executor.get();
  s->environment.output_max_chars = c.output_max_chars;
  s->environment.settings = settings_summary(c);
  if (c.writes_enabled()) make_writes(c, *s);
  return s;
}

}  // namespace app
