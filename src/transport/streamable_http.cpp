#include "transport/streamable_http.hpp"

#include "jsonrpc/error_codes.hpp"
#include "log/logger.hpp"
#include "mcp/protocol_version.hpp"
#include "mcp/server.hpp"
#include "mcp/session.hpp"
#include "transport/http_checks.hpp"
#include "transport/post_exchange.hpp"

namespace transport {

namespace {

constexpr std::string_view kSessionHeader = "Mcp-Session-Id";
constexpr std::string_view kVersionHeader = "MCP-Protocol-Version";
constexpr std::string_view kStartOver = "Send initialize without an Mcp-Session-Id header to start a new session.";

bool is_initialize(const jsonrpc::Decoded& entry) {
  return entry.message && entry.message->kind == jsonrpc::Kind::Request && entry.message->method == "initialize";
}

bool contains_initialize(const jsonrpc::Payload& payload) {
  for (const auto& entry : payload.entries) {
    if (is_initialize(entry)) return true;
  }
  return false;
}

std::vector<nlohmann::json> request_ids(const jsonrpc::Payload& payload) {
  std::vector<nlohmann::json> ids;
  for (const auto& entry : payload.entries) {
    if (entry.message && entry.message->kind == jsonrpc::Kind::Request) ids.push_back(entry.message->id);
  }
  return ids;
}

HttpResponse bad_request(int code, std::string message) { return json_error(400, code, std::move(message)); }

std::string supported_versions() {
  std::string out;
  for (auto v : mcp::kSupportedVersions) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

}  // namespace

StreamableHttp::StreamableHttp(mcp::Server& server, AccessPolicy policy, SessionLimits limits,
                               StreamableHttpOptions options, SessionTable::Now now)
    : server_(server), policy_(std::move(policy)), options_(std::move(options)), sessions_(limits, std::move(now)) {}

HttpResponse StreamableHttp::handle(const HttpRequest& request) {
  if (auto denied = check_access(policy_, request)) return *denied;
  if (request.path != options_.endpoint) {
    return unknown_path(request, "the MCP endpoint is " + options_.endpoint);
  }
  if (request.method == "POST") return post(request);
  if (request.method == "DELETE") return remove(request);
  return method_not_allowed(request, "POST, DELETE",
                            request.method == "GET"
                                ? "this server sends messages only in answer to a request, so it offers no standalone "
                                  "SSE stream; POST JSON-RPC messages to " +
                                      options_.endpoint
                                : "POST JSON-RPC messages to " + options_.endpoint + ", DELETE it to end a session");
}

HttpResponse StreamableHttp::post(const HttpRequest& request) {
  if (!accepts(request, "application/json") || !accepts(request, "text/event-stream")) {
    return json_error(406, jsonrpc::kTransportError,
                      "Not Acceptable: the client must accept both application/json and text/event-stream (send "
                      "Accept: application/json, text/event-stream)");
  }
  if (auto bad = check_json_content_type(request)) return *bad;
  if (auto bad = check_body_size(request, options_.max_body_bytes)) return *bad;
  jsonrpc::Payload payload = jsonrpc::decode(request.body, {server_.options().max_depth});
  if (auto bad = check_decodable(payload)) return *bad;

  const auto session_id = request.header(std::string(kSessionHeader));
  if (contains_initialize(payload)) {
    if (payload.is_batch) {
      return bad_request(jsonrpc::kInvalidRequest, "Invalid Request: initialize must be sent on its own, not in a batch");
    }
    if (session_id && sessions_.use(std::string(*session_id))) {
      return bad_request(jsonrpc::kInvalidRequest,
                         "Invalid Request: this session is already initialized; initialize may be sent once per "
                         "session. " + std::string(kStartOver));
    }
    return initialize(std::move(payload));
  }
  if (!session_id || session_id->empty()) {
    return bad_request(jsonrpc::kTransportError,
                       "Bad Request: the Mcp-Session-Id header is required; send initialize first and repeat the "
                       "Mcp-Session-Id of its response on every later request");
  }
  auto use = sessions_.use(std::string(*session_id));
  if (!use) return session_not_found(sessions_.why_unknown(std::string(*session_id)), kStartOver);
  if (auto bad = check_protocol_version(request)) return *bad;
  return exchange(std::move(*use), std::move(payload));
}

HttpResponse StreamableHttp::initialize(jsonrpc::Payload payload) {
  auto use = sessions_.add(server_.open_session());
  if (!use) return too_many_sessions(sessions_.limits().max_sessions);
  const std::string id = (*use)->id();
  const auto session = (*use)->mcp_ptr();
  HttpResponse response = exchange(std::move(*use), std::move(payload));
  if (!session->initialized()) {
    sessions_.end(id, EndReason::Deleted);  // initialize failed: no session to keep
    response.headers.erase(std::string(kSessionHeader));
    return response;
  }
  logging::info("http", "session " + id.substr(0, 8) + "... opened (" + std::to_string(sessions_.size()) + " open)");
  return response;
}

HttpResponse StreamableHttp::exchange(SessionUse use, jsonrpc::Payload payload) {
  const std::string id = use->id();
  const auto session = use->mcp_ptr();
  auto post = std::make_shared<PostExchange>(std::move(use), request_ids(payload));
  session->receive(std::move(payload), post->channel());
  HttpResponse response = post->respond(options_.json_window);
  response.headers[std::string(kSessionHeader)] = id;
  return response;
}

HttpResponse StreamableHttp::remove(const HttpRequest& request) {
  const auto session_id = request.header(std::string(kSessionHeader));
  if (!session_id || session_id->empty()) {
    return bad_request(jsonrpc::kTransportError, "Bad Request: DELETE needs the Mcp-Session-Id header of the session "
                                                 "to end");
  }
  if (!sessions_.use(std::string(*session_id))) {
    return session_not_found(sessions_.why_unknown(std::string(*session_id)), kStartOver);
  }
  if (auto bad = check_protocol_version(request)) return *bad;
  sessions_.end(std::string(*session_id), EndReason::Deleted);
  logging::info("http", "session " + std::string(session_id->substr(0, 8)) + "... ended by the client");
  return empty_response(200);
}

std::optional<HttpResponse> StreamableHttp::check_protocol_version(const HttpRequest& request) const {
  // Absent means 2025-03-26 (the spec's assumption for clients that predate the header).
  const auto version = request.header(std::string(kVersionHeader));
  if (!version || mcp::is_supported(*version)) return std::nullopt;
  return bad_request(jsonrpc::kTransportError, "Bad Request: unsupported MCP-Protocol-Version \"" +
                                                   std::string(version->substr(0, 40)) +
                                                   "\"; this server speaks " + supported_versions());
}

}  // namespace transport
