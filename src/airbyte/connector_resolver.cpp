#include "airbyte/connector_resolver.hpp"

#include "execution/upstream_error.hpp"

namespace airbyte {

namespace {

using execution::ErrorCategory;
using execution::UpstreamError;

std::string text(const json& node, const char* key) {
  return node.is_object() && node.contains(key) && node[key].is_string() ? node[key].get<std::string>() : "";
}

std::string type_of(const json& connector) {
  std::string type = text(connector, "connector_type");
  if (type.empty() && connector.contains("summarized_source_template")) {
    type = text(connector["summarized_source_template"], "name");
  }
  return type;
}

constexpr const char* kHowToChoose =
    "pass connector_id to tiktok_marketing_execute, or set AIRBYTE_CONNECTOR_ID on the server";

}  // namespace

std::string summarize_connectors(const json& connectors) {
  std::string out;
  for (const auto& c : connectors) {
    std::string item = text(c, "id");
    const std::string name = text(c, "name");
    const std::string type = type_of(c);
    if (!name.empty() || !type.empty()) {
      item += " (" + name + (name.empty() || type.empty() ? "" : ", ") + type + ")";
    }
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

ConnectorResolver::ConnectorResolver(const Connectors& connectors, std::string configured_id)
    : connectors_(connectors), configured_id_(std::move(configured_id)) {}

ConnectorChoice ConnectorResolver::resolve(const std::optional<std::string>& argument, const std::stop_token& stop) {
  if (argument && !argument->empty()) return {*argument, "argument"};
  if (!configured_id_.empty()) return {configured_id_, "AIRBYTE_CONNECTOR_ID"};
  {
    std::lock_guard lock(mutex_);
    if (remembered_ && remembered_at_ == connectors_.changes()) return *remembered_;
  }
  const std::uint64_t changes = connectors_.changes();
  ConnectorChoice choice = from_listing(stop);
  std::lock_guard lock(mutex_);
  remembered_ = choice;
  remembered_at_ = changes;
  return choice;
}

void ConnectorResolver::forget() {
  std::lock_guard lock(mutex_);
  remembered_.reset();
}

ConnectorChoice ConnectorResolver::from_listing(const std::stop_token& stop) const {
  const std::string user = connectors_.external_user("");
  const json all = connectors_.list(user, stop);
  json tiktok = json::array();
  for (const auto& c : all) {
    if (is_tiktok_marketing(c)) tiktok.push_back(c);
  }
  if (tiktok.size() == 1 && !text(tiktok[0], "id").empty()) {
    return {text(tiktok[0], "id"), "the only TikTok Marketing connector of " + user};
  }
  UpstreamError::Details d;
  d.source = "";
  if (tiktok.empty()) {
    d.category = ErrorCategory::NotFound;
    d.message = "external user " + user + " has no TikTok Marketing connector" +
                (all.empty() ? std::string(" (no connectors at all)")
                             : " (found only other types: " + summarize_connectors(all) + ")");
    d.next_step = "Create one with tiktok_marketing_connector_create (or start the OAuth flow with "
                  "tiktok_marketing_connector_oauth_initiate), or " + std::string(kHowToChoose) + ".";
  } else {
    d.category = ErrorCategory::InvalidParams;
    d.field = "connector_id";
    d.message = "external user " + user + " has " + std::to_string(tiktok.size()) +
                " TikTok Marketing connectors: " + summarize_connectors(tiktok);
    d.next_step = "Choose one: " + std::string(kHowToChoose) + ".";
  }
  throw UpstreamError(std::move(d));
}

}  // namespace airbyte
