#pragma once
// A fake Airbyte agent API on loopback that behaves like the real one as the reference
// describes it: the application-token exchange (with expires_in), Bearer tokens checked on
// every call (401 for an unknown or expired one), the {message, errors[{field, message}]}
// envelope for 400/401/403/404/422, connectors per external user (list, get, create, delete),
// the OAuth initiate call with a consent page that redirects with a secret_id, and execute,
// which answers list actions from the demo account and context_store_search with cursor
// pages. Scripted faults (statuses with Retry-After, dropped connections) apply to the next
// requests on a path. Every request is recorded.

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakes/loopback_server.hpp"
#include "tiktok/demo/demo_api.hpp"

namespace fakes {

struct AirbyteFault {
  int status = 500;
  nlohmann::json body;             // null: {"message": "..."} for the status
  std::optional<int> retry_after;  // seconds
  bool drop = false;               // close the connection mid-answer instead

  static AirbyteFault http(int status, nlohmann::json body = nullptr);
  static AirbyteFault rate_limited(int retry_after_seconds);
  static AirbyteFault field_error(int status, const std::string& field, const std::string& message);
  static AirbyteFault dropped();
};

struct AirbyteRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;
  std::string body;
};

class FakeAirbyteServer {
 public:
  FakeAirbyteServer(std::string client_id, std::string client_secret);

  std::string url() const { return server_.url(); }

  // Tokens: the lifetime announced in expires_in; expire_tokens() makes every issued token
  // invalid (answered with 401) as if its time had run out.
  void set_token_lifetime(int seconds);
  void expire_tokens();
  int tokens_issued() const;
  std::vector<std::string> issued_tokens() const;

  // Plays the user's browser: opens the consent URL (over HTTP), approves, and returns the
  // secret_id the redirect to the app carries; empty if there was no redirect.
  std::string approve_consent(const std::string& consent_url) const;

  // Demands X-Organization-Id with this value (403 otherwise); empty: not checked.
  void require_organization(std::string organization_id);

  // Adds a connector directly (as if created earlier); returns its id.
  std::string add_connector(const std::string& external_user_id, const std::string& name,
                            const std::string& type = "Tiktok-Marketing", const std::string& access_token = "");
  nlohmann::json connector(const std::string& id) const;  // null when absent; includes stored credentials
  void remove_connector(const std::string& id);             // as if deleted elsewhere
  std::size_t connector_count() const;

  // Executions on this connector answer {"status": "error", ...} with this message.
  void fail_executions(const std::string& connector_id, std::string message);
  // Also put the stored TikTok token into connector answers (a careless API), so tests can
  // prove the server strips it.
  void echo_credentials(bool on);

  // Faults for the next requests whose path starts with `path_prefix`, one each, in order.
  void queue(AirbyteFault fault, const std::string& path_prefix = "", int times = 1);

  std::vector<AirbyteRequest> requests() const;
  std::size_t count(const std::string& method, const std::string& path_prefix) const;

 private:
  struct Stored {
    nlohmann::json record;  // what the API shows
    std::string external_user_id;
    std::string access_token;
    std::string failure;    // fail_executions
  };
  struct Queued {
    AirbyteFault fault;
    std::string path_prefix;
  };

  void route(const httplib::Request& req, httplib::Response& res);
  bool authorized(const httplib::Request& req, httplib::Response& res);
  std::optional<AirbyteFault> next_fault(const std::string& path);
  void issue_token(const httplib::Request& req, httplib::Response& res);
  void list(const httplib::Request& req, httplib::Response& res);
  void get(const std::string& id, httplib::Response& res);
  void create(const httplib::Request& req, httplib::Response& res);
  void remove(const std::string& id, httplib::Response& res);
  void initiate(const httplib::Request& req, httplib::Response& res);
  void consent(const httplib::Request& req, httplib::Response& res);
  void execute(const std::string& id, const httplib::Request& req, httplib::Response& res);
  nlohmann::json shown(const Stored& stored) const;
  nlohmann::json run_action(const Stored& stored, const nlohmann::json& call) const;

  std::string client_id_;
  std::string client_secret_;
  tiktok::demo::DemoApi demo_;
  mutable std::mutex mutex_;
  int lifetime_ = 900;
  int issued_ = 0;
  std::vector<std::string> tokens_;
  std::set<std::string> valid_;
  std::string organization_;
  std::map<std::string, Stored> connectors_;
  int next_id_ = 1;
  std::map<std::string, std::string> consents_;  // state -> redirect_url
  std::set<std::string> oauth_secrets_;
  bool echo_ = false;
  std::deque<Queued> faults_;
  std::vector<AirbyteRequest> log_;
  LoopbackServer server_;
};

}  // namespace fakes
