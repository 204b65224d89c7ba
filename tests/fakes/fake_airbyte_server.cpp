#include "fakes/fake_airbyte_server.hpp"

#include <regex>

#include "catalog/catalog.hpp"
#include "support/canaries.hpp"
#include "tiktok/demo/demo_account.hpp"
#include "tiktok/query.hpp"
#include "util/date.hpp"

namespace fakes {

namespace {

using nlohmann::json;

constexpr const char* kConnectors = "/api/v1/integrations/connectors";

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

json envelope(const std::string& message, const std::string& field = "", const std::string& field_message = "") {
  json e{{"message", message}, {"errors", json::array()}};
  if (!field.empty()) e["errors"].push_back({{"field", field}, {"message", field_message}, {"error_code", "invalid"}});
  return e;
}

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
  }
}

std::string text(const json& node, const char* key) {
  return node.is_object() && node.contains(key) && node[key].is_string() ? node[key].get<std::string>() : "";
}

std::string type_name(const std::string& type) {
  return type == "Tiktok-Marketing" ? "TikTok Marketing" : type;
}

json template_of(const std::string& type) {
  return {{"id", "tmpl-" + type}, {"name", type_name(type)}, {"actor_definition_id", "def-" + type}, {"mode", "oauth"}};
}

}  // namespace

AirbyteFault AirbyteFault::http(int status, json body) {
  AirbyteFault f;
  f.status = status;
  f.body = std::move(body);
  return f;
}

AirbyteFault AirbyteFault::rate_limited(int retry_after_seconds) {
  AirbyteFault f = http(429, envelope("Rate limit exceeded"));
  f.retry_after = retry_after_seconds;
  return f;
}

AirbyteFault AirbyteFault::field_error(int status, const std::string& field, const std::string& message) {
  return http(status, envelope("Validation failed", field, message));
}

AirbyteFault AirbyteFault::dropped() {
  AirbyteFault f;
  f.drop = true;
  return f;
}

FakeAirbyteServer::FakeAirbyteServer(std::string client_id, std::string client_secret)
    : client_id_(std::move(client_id)), client_secret_(std::move(client_secret)) {
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { route(req, res); };
  server_.http().Get(".*", handler);
  server_.http().Post(".*", handler);
  server_.http().Delete(".*", handler);
  server_.start();
}

void FakeAirbyteServer::set_token_lifetime(int seconds) {
  std::lock_guard lock(mutex_);
  lifetime_ = seconds;
}

void FakeAirbyteServer::expire_tokens() {
  std::lock_guard lock(mutex_);
  valid_.clear();
}

int FakeAirbyteServer::tokens_issued() const {
  std::lock_guard lock(mutex_);
  return issued_;
}

std::vector<std::string> FakeAirbyteServer::issued_tokens() const {
  std::lock_guard lock(mutex_);
  return tokens_;
}

std::string FakeAirbyteServer::approve_consent(const std::string& consent_url) const {
  httplib::Client browser(url());
  auto res = browser.Get(consent_url.substr(url().size()));
  if (!res || res->status != 302) return "";
  const std::string location = res->get_header_value("Location");
  const auto at = location.find("secret_id=");
  return at == std::string::npos ? "" : location.substr(at + 10);
}

void FakeAirbyteServer::require_organization(std::string organization_id) {
  std::lock_guard lock(mutex_);
  organization_ = std::move(organization_id);
}

std::string FakeAirbyteServer::add_connector(const std::string& external_user_id, const std::string& name,
                                             const std::string& type, const std::string& access_token) {
  std::lock_guard lock(mutex_);
  const std::string id = "c0ffee00-0000-4000-8000-" + std::to_string(100000000000 + next_id_++);
  Stored s;
  s.record = {{"id", id},
              {"name", name},
              {"source_template", template_of(type)},
              {"entities", json::array({"advertisers", "campaigns", "ad_groups", "ads"})},
              {"created_at", "2026-05-01T10:00:00Z"},
              {"updated_at", "2026-05-01T10:00:00Z"}};
  s.external_user_id = external_user_id;
  s.access_token = access_token;
  connectors_[id] = std::move(s);
  return id;
}

json FakeAirbyteServer::connector(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = connectors_.find(id);
  if (it == connectors_.end()) return nullptr;
  json out = it->second.record;
  out["external_user_id"] = it->second.external_user_id;
  out["access_token"] = it->second.access_token;
  return out;
}

void FakeAirbyteServer::remove_connector(const std::string& id) {
  std::lock_guard lock(mutex_);
  connectors_.erase(id);
}

std::size_t FakeAirbyteServer::connector_count() const {
  std::lock_guard lock(mutex_);
  return connectors_.size();
}

void FakeAirbyteServer::fail_executions(const std::string& connector_id, std::string message) {
  std::lock_guard lock(mutex_);
  connectors_.at(connector_id).failure = std::move(message);
}

void FakeAirbyteServer::echo_credentials(bool on) {
  std::lock_guard lock(mutex_);
  echo_ = on;
}

void FakeAirbyteServer::queue(AirbyteFault fault, const std::string& path_prefix, int times) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < times; ++i) faults_.push_back({fault, path_prefix});
}

std::vector<AirbyteRequest> FakeAirbyteServer::requests() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::size_t FakeAirbyteServer::count(const std::string& method, const std::string& path_prefix) const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& r : log_) n += r.method == method && r.path.rfind(path_prefix, 0) == 0;
  return n;
}

std::optional<AirbyteFault> FakeAirbyteServer::next_fault(const std::string& path) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (path.rfind(it->path_prefix, 0) == 0) {
      AirbyteFault f = it->fault;
      faults_.erase(it);
      return f;
    }
  }
  return std::nullopt;
}

void FakeAirbyteServer::route(const httplib::Request& req, httplib::Response& res) {
  {
    std::lock_guard lock(mutex_);
    AirbyteRequest r{req.method, req.path, {}, {}, req.body};
    for (const auto& [k, v] : req.params) r.query[k] = v;
    for (const auto& [k, v] : req.headers) r.headers[k] = v;
    log_.push_back(std::move(r));
  }
  if (auto fault = next_fault(req.path)) {
    if (fault->drop) {
      res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink& sink) {
        sink.write("{\"da", 4);
        return false;
      });
      return;
    }
    if (fault->retry_after) res.set_header("Retry-After", std::to_string(*fault->retry_after));
    send(res, fault->status, fault->body.is_null() ? envelope(reason(fault->status)) : fault->body);
    return;
  }
  const std::string& path = req.path;
  if (req.method == "POST" && path == "/api/v1/account/applications/token") return issue_token(req, res);
  if (req.method == "GET" && path == "/consent") return consent(req, res);
  if (!authorized(req, res)) return;
  static const std::regex item("^/api/v1/integrations/connectors/([^/]+)(/execute)?$");
  std::smatch m;
  if (path == kConnectors && req.method == "GET") return list(req, res);
  if (path == kConnectors && req.method == "POST") return create(req, res);
  if (path == std::string(kConnectors) + "/oauth/initiate" && req.method == "POST") return initiate(req, res);
  if (std::regex_match(path, m, item)) {
    if (m[2].matched && req.method == "POST") return execute(m[1], req, res);
    if (!m[2].matched && req.method == "GET") return get(m[1], res);
    if (!m[2].matched && req.method == "DELETE") return remove(m[1], res);
  }
  send(res, 404, envelope("Not Found"));
}

bool FakeAirbyteServer::authorized(const httplib::Request& req, httplib::Response& res) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  std::lock_guard lock(mutex_);
  if (header.rfind(prefix, 0) != 0 || valid_.count(header.substr(prefix.size())) == 0) {
    res.status = 401;
    res.set_content(envelope("Invalid or expired token").dump(), "application/json");
    return false;
  }
  if (!organization_.empty() && req.get_header_value("X-Organization-Id") != organization_) {
    res.status = 403;
    res.set_content(envelope("The application has no access to this organization").dump(), "application/json");
    return false;
  }
  return true;
}

void FakeAirbyteServer::issue_token(const httplib::Request& req, httplib::Response& res) {
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || text(body, "client_id").empty() || text(body, "client_secret").empty()) {
    return send(res, 422, envelope("Validation failed", "client_secret", "field required"));
  }
  if (text(body, "client_id") != client_id_ || text(body, "client_secret") != client_secret_) {
    return send(res, 401, envelope("Invalid client credentials"));
  }
  std::lock_guard lock(mutex_);
  const std::string token =
      canary::kAirbyteAccessTokenPrefix + std::to_string(++issued_) + "-" + std::to_string(server_.port());
  valid_.insert(token);
  tokens_.push_back(token);
  send(res, 200, {{"access_token", token}, {"token_type", "bearer"}, {"expires_in", lifetime_}, {"organization_id", "org-1"}});
}

json FakeAirbyteServer::shown(const Stored& stored) const {
  json out = stored.record;
  if (echo_) out["configuration"] = {{"credentials", {{"access_token", stored.access_token}}}};
  return out;
}

void FakeAirbyteServer::list(const httplib::Request& req, httplib::Response& res) {
  const std::string user = req.get_param_value("external_user_id");
  if (user.empty()) return send(res, 422, envelope("Validation failed", "external_user_id", "field required"));
  std::lock_guard lock(mutex_);
  json data = json::array();
  for (const auto& [id, s] : connectors_) {
    if (s.external_user_id != user) continue;
    json item{{"id", id}, {"name", s.record["name"]}, {"created_at", s.record["created_at"]},
              {"updated_at", s.record["updated_at"]}};
    item["summarized_source_template"] = s.record["source_template"];
    data.push_back(std::move(item));
  }
  send(res, 200, {{"data", data}});
}

void FakeAirbyteServer::get(const std::string& id, httplib::Response& res) {
  std::lock_guard lock(mutex_);
  auto it = connectors_.find(id);
  if (it == connectors_.end()) return send(res, 404, envelope("Connector not found"));
  send(res, 200, shown(it->second));
}

void FakeAirbyteServer::create(const httplib::Request& req, httplib::Response& res) {
  const json b = json::parse(req.body, nullptr, false);
  if (!b.is_object()) return send(res, 400, envelope("Body is not JSON"));
  if (text(b, "external_user_id").empty()) return send(res, 422, envelope("Validation failed", "external_user_id", "field required"));
  if (text(b, "name").empty()) return send(res, 422, envelope("Validation failed", "name", "field required"));
  if (text(b, "connector_type") != "Tiktok-Marketing") {
    return send(res, 422, envelope("Validation failed", "connector_type", "One of connector_type, definition_id, or source_template_id must be provided"));
  }
  const std::string token = b.contains("credentials") ? text(b["credentials"], "access_token") : "";
  const std::string secret_id = text(b, "server_side_oauth_secret_id");
  if (token.empty() == secret_id.empty()) {
    return send(res, 400, envelope("Credentials do not match the auth scheme", "credentials",
                                   "give credentials.access_token or server_side_oauth_secret_id"));
  }
  const std::string start = b.contains("replication_config") ? text(b["replication_config"], "start_date") : "";
  if (!util::parse_date(start)) {
    return send(res, 422, envelope("Validation failed", "replication_config.start_date", "must be a date YYYY-MM-DD"));
  }
  {
    std::lock_guard lock(mutex_);
    if (!secret_id.empty() && oauth_secrets_.erase(secret_id) == 0) {
      return send(res, 400, envelope("Invalid OAuth secret", "server_side_oauth_secret_id", "unknown or already used"));
    }
  }
  const std::string id = add_connector(text(b, "external_user_id"), text(b, "name"), "Tiktok-Marketing",
                                       secret_id.empty() ? token : canary::kOAuthTikTokTokenPrefix + secret_id);
  std::lock_guard lock(mutex_);
  send(res, 200, shown(connectors_.at(id)));
}

void FakeAirbyteServer::remove(const std::string& id, httplib::Response& res) {
  std::lock_guard lock(mutex_);
  if (connectors_.erase(id) == 0) return send(res, 404, envelope("Connector not found"));
  send(res, 202, {{"job_id", "job-delete-" + id}});
}

void FakeAirbyteServer::initiate(const httplib::Request& req, httplib::Response& res) {
  const json b = json::parse(req.body, nullptr, false);
  for (const char* field : {"external_user_id", "connector_type", "redirect_url"}) {
    if (text(b, field).empty()) return send(res, 422, envelope("Validation failed", field, "field required"));
  }
  std::lock_guard lock(mutex_);
  const std::string state = "state-" + std::to_string(consents_.size() + 1);
  consents_[state] = text(b, "redirect_url");
  send(res, 200, {{"consent_url", url() + "/consent?state=" + state}});
}

// What the browser sees after the user approves: a redirect to the app with a secret_id.
void FakeAirbyteServer::consent(const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(mutex_);
  auto it = consents_.find(req.get_param_value("state"));
  if (it == consents_.end()) return send(res, 404, envelope("Unknown OAuth state"));
  const std::string secret = "secret-" + it->first;
  oauth_secrets_.insert(secret);
  const std::string sep = it->second.find('?') == std::string::npos ? "?" : "&";
  res.status = 302;
  res.set_header("Location", it->second + sep + "secret_id=" + secret);
}

void FakeAirbyteServer::execute(const std::string& id, const httplib::Request& req, httplib::Response& res) {
  Stored stored;
  {
    std::lock_guard lock(mutex_);
    auto it = connectors_.find(id);
    if (it == connectors_.end()) return send(res, 404, envelope("Connector not found"));
    stored = it->second;
  }
  const json call = json::parse(req.body, nullptr, false);
  if (!call.is_object() || text(call, "entity").empty() || text(call, "action").empty()) {
    return send(res, 422, envelope("Validation failed", "entity", "field required"));
  }
  if (!stored.failure.empty()) {
    return send(res, 200, {{"status", "error"}, {"error", {{"message", stored.failure}}}, {"result", nullptr}});
  }
  send(res, 200, run_action(stored, call));
}

json FakeAirbyteServer::run_action(const Stored& stored, const json& call) const {
  const auto* entity = catalog::Catalog::builtin().find(text(call, "entity"));
  const auto* action = entity ? entity->find_action(text(call, "action")) : nullptr;
  if (!action) return {{"status", "error"}, {"error", "unknown entity or action"}};
  json params = call.value("params", json::object());
  // Both searches of the synced copy answer from the entity's list, paged by an offset cursor.
  const bool search = action->name == "context_store_search" || action->name == "context_store_sql_query";
  const auto* list = search ? entity->find_action("list") : action;
  json query = search ? json::object() : params;
  if (search) {
    if (list->property("advertiser_id")) query["advertiser_id"] = tiktok::demo::kDefaultAdvertiserId;
    if (list->property("advertiser_ids")) query["advertiser_ids"] = json::array({tiktok::demo::kDefaultAdvertiserId});
    if (list->property("page_size")) query["page_size"] = 100;
  }
  std::map<std::string, std::string> q;
  for (const auto& [k, v] : tiktok::to_query(query)) q[k] = v;
  auto answer = demo_.handle("/" + list->path, q);
  if (!answer || (*answer)["code"] != 0) {
    const std::string why = answer ? (*answer)["message"].get<std::string>() : "no such endpoint";
    return {{"status", "error"}, {"error", {{"message", "TikTok API: " + why}}}, {"result", nullptr}};
  }
  json data = (*answer)["data"];
  const json records = data.contains("list") ? data["list"] : json::array();
  json out{{"status", "success"},
           {"execution_metadata", {{"connector_instance_id", stored.record["id"]}, {"execution_time_ms", 12}}}};
  if (!search) {
    out["result"] = records;
    out["connector_metadata"] = data.contains("page_info") ? json{{"page_info", data["page_info"]}} : json::object();
    return out;
  }
  const std::size_t offset = params.contains("cursor") ? std::stoul(params["cursor"].get<std::string>()) : 0;
  const std::size_t limit = params.value("limit", 1000);
  json page = json::array();
  for (std::size_t i = offset; i < records.size() && page.size() < limit; ++i) page.push_back(records[i]);
  const bool more = offset + page.size() < records.size();
  out["result"] = {{"data", page},
                   {"meta", {{"has_more", more}, {"cursor", more ? json(std::to_string(offset + page.size())) : json()},
                             {"took_ms", 3}}}};
  out["connector_metadata"] = json::object();
  return out;
}

}  // namespace fakes
