#include "airbyte/hosted_executor.hpp"

#include <chrono>

#include "airbyte/execute_result.hpp"
#include "execution/upstream_error.hpp"
#include "net/url.hpp"

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

[[noreturn]] void unsupported(const execution::Target& target) {
  UpstreamError::Details d;
  d.category = ErrorCategory::Unsupported;
  if (target.action.needs_app_credentials) {
    d.message = target.entity.name + " is a direct-mode discovery call that Airbyte's hosted connector does not offer";
    d.next_step = "Use entity \"advertisers\" (action list) to read the advertiser accounts of the connector's token.";
  } else {
    d.message = target.entity.name + "." + target.action.name +
                " is read from TikTok directly; Airbyte's hosted TikTok connector has no such entity or action";
    d.next_step =
        "Run the server in direct mode (TIKTOK_MARKETING_ACCESS_TOKEN) for it; tiktok_marketing_describe marks "
        "what hosted mode serves.";
  }
  throw UpstreamError(std::move(d));
}

// Params only TikTok's own API takes (marked x-direct-only, such as query_lifetime): Airbyte's
// connector has no such parameter, so the call is refused with what to send instead.
void refuse_direct_only_params(const execution::Target& target, const json& params) {
  for (const auto& [key, value] : params.items()) {
    const json* property = target.action.property(key);
    if (property == nullptr || !property->value("x-direct-only", false)) continue;
    UpstreamError::Details d;
    d.category = ErrorCategory::Unsupported;
    d.message = target.entity.name + "." + target.action.name + " with " + key +
                " is direct mode only; Airbyte's hosted connector has no " + key + " parameter";
    d.next_step = property->value("x-hosted-instead", "Drop " + key + ", or run the server in direct mode.");
    throw UpstreamError(std::move(d));
  }
}

// The execute body: the action's own parameters (the runner adds "page" when it pages, which a
// search, paged by cursor, does not take), with the shaping params (select_fields,
// exclude_fields, skip_truncation) beside them, where Airbyte's execute takes them.
json execute_body(const execution::Target& target, const json& params) {
  const catalog::Action& action = target.action;
  json body{{"entity", target.entity.name}, {"action", action.name}, {"params", json::object()}};
  for (const auto& [key, value] : params.items()) {
    if (action.property(key) == nullptr) continue;
    (action.is_shaping(key) ? body : body["params"])[key] = value;
  }
  return body;
}

json connector_summary(const json& connector) {
  json out = json::object();
  for (const char* key : {"id", "name", "connector_type", "created_at"}) {
    if (connector.contains(key)) out[key] = connector[key];
  }
  return out;
}

// What `step` returns, or `note` when it needs configuration that is absent (not a failure:
// calls can still name their connector).
template <typename Step>
json unless_unconfigured(Step step, const char* note) {
  try {
    return step();
  } catch (const UpstreamError& e) {
    if (e.category() != ErrorCategory::NotConfigured) throw;
    return note;
  }
}

}  // namespace

HostedExecutor::HostedExecutor(const ApiClient& api, Connectors& connectors, ConnectorResolver& resolver)
    : api_(api), connectors_(connectors), resolver_(resolver) {}

execution::Page HostedExecutor::fetch(const execution::Target& target, const json& params,
                                      const execution::CallContext& context) {
  if (target.action.needs_app_credentials || target.action.direct_only) unsupported(target);
  refuse_direct_only_params(target, params);
  const ConnectorChoice choice = resolver_.resolve(target.connector_id, context.stop);
  ApiRequest r;
  r.method = "POST";
  r.path = "/api/v1/integrations/connectors/" + net::percent_encode(choice.id) + "/execute";
  r.body = execute_body(target, params);
  r.what = "execute " + target.entity.name + "." + target.action.name + " on connector " + choice.id;
  ApiResponse response;
  try {
    response = api_.call(r, context.stop);
  } catch (const UpstreamError& e) {
    if (e.category() == ErrorCategory::NotFound) resolver_.forget();
    throw;
  }
  execution::Page page = to_page(response, r.what);
  page.extra_meta["connector_id"] = choice.id;
  return page;
}

execution::CheckReport HostedExecutor::check(const execution::CallContext& context) {
  execution::CheckReport report;
  json& d = report.details;
  d["mode"] = mode();
  d["api_base_url"] = api_.base_url();
  const auto started = std::chrono::steady_clock::now();
  try {
    api_.tokens().get(context.stop);
    d["application_token"] = "obtained";
    d["tiktok_marketing_connectors"] = unless_unconfigured(
        [&] { return tiktok_connectors(context.stop); }, "not listed: AIRBYTE_EXTERNAL_USER_ID is not set");
    d["connector_in_use"] = unless_unconfigured(
        [&] { return connector_in_use(context.stop); },
        "none by default: pass connector_id to tiktok_marketing_execute, or set AIRBYTE_CONNECTOR_ID or "
        "AIRBYTE_EXTERNAL_USER_ID");
    report.ok = true;
  } catch (const UpstreamError& e) {
    d["error"] = e.describe();
  }
  d["latency_ms"] =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  return report;
}

json HostedExecutor::tiktok_connectors(const std::stop_token& stop) const {
  json tiktok = json::array();
  for (const auto& c : connectors_.list("", stop)) {
    if (is_tiktok_marketing(c)) tiktok.push_back(connector_summary(c));
  }
  return tiktok;
}

json HostedExecutor::connector_in_use(const std::stop_token& stop) {
  ConnectorChoice choice;
  try {
    choice = resolver_.resolve(std::nullopt, stop);
  } catch (const UpstreamError& e) {
    // None or several for the user is a state to report, not a broken setup: calls can still
    // name a connector, and one can be created. A configured id that fails is a real problem.
    const bool from_listing = resolver_.configured_id().empty();
    if (!from_listing || (e.category() != ErrorCategory::NotFound && e.details().field != "connector_id")) throw;
    return json{{"none", e.what()}, {"what_to_do", e.details().next_step}};
  }
  json in_use{{"id", choice.id}, {"chosen_by", choice.source}};
  if (choice.source == "AIRBYTE_CONNECTOR_ID") {
    const json found = connectors_.get(choice.id, stop);  // proves it exists
    if (found.is_object() && found.contains("name")) in_use["name"] = found["name"];
  }
  return in_use;
}

}  // namespace airbyte
