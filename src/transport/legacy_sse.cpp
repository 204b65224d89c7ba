#include "transport/legacy_sse.hpp"

#include "jsonrpc/error_codes.hpp"
#include "log/logger.hpp"
#include "mcp/server.hpp"
#include "mcp/session.hpp"
#include "transport/event_stream.hpp"
#include "transport/http_checks.hpp"
#include "transport/sse_format.hpp"

namespace transport {

LegacySse::LegacySse(mcp::Server& server, AccessPolicy policy, SessionLimits limits, LegacySseOptions options)
    : server_(server),
      policy_(std::move(policy)),
      options_(std::move(options)),
      sessions_(std::make_shared<SessionTable>(limits)) {}

HttpResponse LegacySse::handle(const HttpRequest& request) {
  if (auto denied = check_access(policy_, request)) return *denied;
  if (request.path == options_.stream_path) {
    if (request.method == "GET") return open_stream(request);
    return method_not_allowed(request, "GET", "GET " + options_.stream_path + " opens a session's event stream");
  }
  if (request.path == options_.messages_path) {
    if (request.method == "POST") return post(request);
    return method_not_allowed(request, "POST", "POST messages to the URL of the stream's endpoint event");
  }
  return unknown_path(request, "open the event stream with GET " + options_.stream_path);
}

HttpResponse LegacySse::open_stream(const HttpRequest& request) {
  if (!accepts(request, "text/event-stream")) {
    return json_error(406, jsonrpc::kTransportError,
                      "Not Acceptable: GET " + options_.stream_path + " answers with text/event-stream");
  }
  auto stream = std::make_shared<EventStream>();
  auto use = sessions_->add(server_.open_session(), stream);
  if (!use) return too_many_sessions(sessions_->limits().max_sessions);
  const std::string id = (*use)->id();
  stream->push(sse_event(options_.messages_path + "?sessionId=" + id, "endpoint"));
  stream->on_abandon([weak = std::weak_ptr<SessionTable>(sessions_), id] {
    if (auto table = weak.lock()) table->end(id, EndReason::StreamClosed);
  });
  logging::info("http", "SSE session " + id.substr(0, 8) + "... opened (" + std::to_string(sessions_->size()) +
                            " open)");
  HttpResponse response;
  response.content_type = "text/event-stream";
  response.stream = stream;
  response.keep_alive = std::make_shared<SessionUse>(std::move(*use));  // in use while the stream is open
  return response;
}

HttpResponse LegacySse::post(const HttpRequest& request) {
  const auto param = request.query.find("sessionId");
  if (param == request.query.end() || param->second.empty()) {
    return json_error(400, jsonrpc::kTransportError,
                      "Bad Request: the sessionId query parameter is missing; POST to the URL the endpoint event of "
                      "GET " + options_.stream_path + " gave");
  }
  auto use = sessions_->use(param->second);
  if (!use) {
    return session_not_found(sessions_->why_unknown(param->second),
                             "Open a new session with GET " + options_.stream_path + ".");
  }
  if (auto bad = check_json_content_type(request)) return *bad;
  if (auto bad = check_body_size(request, options_.max_body_bytes)) return *bad;
  jsonrpc::Payload payload = jsonrpc::decode(request.body, {server_.options().max_depth});
  if (auto bad = check_decodable(payload)) return *bad;

  const auto stream = (*use)->stream();
  const auto session = (*use)->mcp_ptr();
  auto held = std::make_shared<SessionUse>(std::move(*use));  // in use until every reply is out
  session->receive(std::move(payload),
                   mcp::ReplyChannel{[stream](const nlohmann::json& message) { stream->push(sse_message(message, "message")); },
                                     [held] {}});
  return empty_response(202);
}

}  // namespace transport
