// Fuzzes the HTTP transports' request handling in memory, the way http_server.cpp drives it
// but without sockets: the input is a script of raw HTTP requests (see raw_http.hpp), served in
// order by the real StreamableHttp (/mcp) and LegacySse (/sse, /messages) handlers over the
// server with the fake executor: admit() on the head, then handle().
//
// In a request, "{session}" stands for the Mcp-Session-Id of the last successful initialize
// and "{sse}" for the session id of the last opened SSE stream. A part that is just "ABANDON"
// abandons that stream, as a client that goes away does. An input that starts with a line
// "#auth" runs with a bearer token required ("fuzz-bearer-token").
//
// Checks: only the statuses the transports define; JSON bodies and SSE events that are
// well-formed JSON-RPC (errors for error statuses); the answers to each POST (rpc_checks.hpp);
// the same refusal from admit() and handle(); every stream finished after shutdown.

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "check.hpp"
#include "fuzz_entry.hpp"
#include "fuzz_server.hpp"
#include "mcp/session.hpp"
#include "raw_http.hpp"
#include "rpc_checks.hpp"
#include "support/sse_events.hpp"
#include "transport/event_stream.hpp"
#include "transport/legacy_sse.hpp"
#include "transport/streamable_http.hpp"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using transport::HttpRequest;
using transport::HttpResponse;

constexpr std::size_t kMaxRequests = 24;
constexpr std::size_t kMaxBodyBytes = 4096;
constexpr std::string_view kAuthLine = "#auth\n";
constexpr std::string_view kToken = "fuzz-bearer-token";
constexpr auto kStreamDeadline = 10s;

const std::set<int> kStatuses{200, 202, 400, 401, 403, 404, 405, 406, 413, 415, 503};

transport::AccessPolicy access_policy(bool with_token) {
  transport::AccessPolicy policy;
  policy.allow_host("mcp.example.com");
  policy.allow_origin("https://app.example.com");
  if (with_token) policy.require_token(kToken);
  return policy;
}

constexpr transport::SessionLimits kLimits{3, std::chrono::seconds(1800)};

struct SseStream {
  std::shared_ptr<transport::EventStream> events;
  std::shared_ptr<void> keep_alive;  // what the HTTP adapter holds while it writes the stream
};

struct Rig {
  explicit Rig(bool with_token)
      : streamable(fuzz_server.server, access_policy(with_token), kLimits, {"/mcp", kMaxBodyBytes, 5s}),
        legacy(fuzz_server.server, access_policy(with_token), kLimits, {"/sse", "/messages", kMaxBodyBytes}) {}

  fuzz::FuzzServer fuzz_server;
  transport::StreamableHttp streamable;
  transport::LegacySse legacy;
  std::string mcp_session;
  std::string sse_session;
  std::map<std::string, SseStream> sse_streams;  // by session id
};

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The events in `text`, checking the framing: every event ends in a blank line, and every line
// of one is a field or a comment.
std::vector<test::SseEvent> events_in(std::string_view text) {
  test::SseText sse = test::parse_sse(text);
  fuzz::require(!sse.unfinished, "an SSE event without its blank line");
  if (!sse.stray_lines.empty()) fuzz::fail("an SSE line that is no field: " + sse.stray_lines.front());
  return std::move(sse.events);
}

std::vector<json> messages_in(std::string_view sse_text) {
  std::vector<json> messages;
  for (const auto& event : events_in(sse_text)) {
    json message = json::parse(event.data, nullptr, false);
    fuzz::require(!message.is_discarded(), "an SSE event whose data is not JSON: " + event.data);
    messages.push_back(std::move(message));
  }
  return messages;
}

// Everything a POST's stream carries, up to its end.
std::string drain(transport::EventStream& stream) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + kStreamDeadline;
  while (true) {
    auto chunk = stream.next(100ms);
    text += chunk.text;
    if (chunk.finished) return text;
    fuzz::require(std::chrono::steady_clock::now() < deadline, "a POST's stream never finished");
  }
}

void open_sse_stream(Rig& rig, const HttpResponse& response) {
  auto chunk = response.stream->next(0ms);
  const auto events = events_in(chunk.text);
  fuzz::require(events.size() == 1 && events[0].event == "endpoint", "no endpoint event first");
  const std::string prefix = "/messages?sessionId=";
  const std::string& endpoint = events[0].data;
  fuzz::require(endpoint.rfind(prefix, 0) == 0, "an endpoint event without the session: " + endpoint);
  rig.sse_session = endpoint.substr(prefix.size());
  rig.sse_streams[rig.sse_session] = {response.stream, response.keep_alive};
}

void abandon_sse_stream(Rig& rig) {
  auto it = rig.sse_streams.find(rig.sse_session);
  if (it == rig.sse_streams.end()) return;
  it->second.events->abandon();
  fuzz::require(!rig.legacy.sessions().use(rig.sse_session), "an abandoned stream's session lives on");
  rig.sse_streams.erase(it);
}

// What the SSE stream of a legacy session got for one POST, once its calls are done.
std::vector<json> legacy_answers(Rig& rig, const std::string& session_id) {
  if (auto use = rig.legacy.sessions().use(session_id)) {
    fuzz::require((*use)->mcp().wait_idle(kStreamDeadline), "a legacy session's calls never finished");
  }
  auto it = rig.sse_streams.find(session_id);
  if (it == rig.sse_streams.end()) return {};
  return messages_in(it->second.events->next(0ms).text);
}

std::vector<json> answers_of(Rig& rig, const HttpRequest& request, const HttpResponse& response, bool legacy) {
  if (response.content_type == "application/json") {
    json body = json::parse(response.body, nullptr, false);
    fuzz::require(!body.is_discarded(), "a JSON response whose body is not JSON");
    if (response.status >= 400) fuzz::require(body.is_object() && body.contains("error"), "an error status without an error");
    return {body};
  }
  if (response.stream) return messages_in(drain(*response.stream));
  fuzz::require(response.body.empty(), "a body without a content type");
  if (legacy && response.status == 202) {
    auto id = request.query.find("sessionId");
    if (id != request.query.end()) return legacy_answers(rig, id->second);
  }
  return {};
}

void serve(Rig& rig, std::string_view part) {
  if (part == "ABANDON" || part == "ABANDON\n") {
    abandon_sse_stream(rig);
    return;
  }
  std::string text(part);
  replace_all(text, "{session}", rig.mcp_session);
  replace_all(text, "{sse}", rig.sse_session);
  const HttpRequest request = fuzz::parse_request(text);
  const bool legacy = request.path.rfind("/sse", 0) == 0 || request.path.rfind("/messages", 0) == 0;
  transport::HttpHandler& handler = legacy ? static_cast<transport::HttpHandler&>(rig.legacy) : rig.streamable;

  HttpRequest head = request;
  head.body.clear();
  const auto refusal = handler.admit(head);
  const HttpResponse response = handler.handle(request);
  fuzz::require(kStatuses.count(response.status) == 1, "an unexpected status " + std::to_string(response.status));
  if (refusal) {
    fuzz::require(response.status == refusal->status, "admit() and handle() disagree");
    fuzz::require(response.status == 401 || response.status == 403, "a refusal that is neither 401 nor 403");
  }
  if (legacy && request.method == "GET" && response.status == 200 && response.stream) {
    open_sse_stream(rig, response);
    return;
  }
  if (!legacy && response.status == 200) {
    if (auto id = response.headers.find("Mcp-Session-Id"); id != response.headers.end()) rig.mcp_session = id->second;
  }
  fuzz::ExpectedAnswers expected;
  if (request.method == "POST") expected.add_payload(request.body);
  if (response.status >= 400) expected.add_refused();  // the transport's own error, with a null id
  const bool delivered = response.status == 200 || response.status == 202;
  expected.check(answers_of(rig, request, response, legacy), delivered && request.method == "POST");
}

void shut_down(Rig& rig) {
  rig.streamable.shutdown();
  rig.legacy.shutdown();
  rig.fuzz_server.server.join();
  fuzz::require(rig.streamable.sessions().size() == 0 && rig.legacy.sessions().size() == 0, "sessions survived");
  for (auto& [id, stream] : rig.sse_streams) {
    fuzz::require(stream.events->next(0ms).finished, "an SSE stream still open after shutdown");
  }
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  const bool with_token = input.rfind(kAuthLine, 0) == 0;
  if (with_token) input.remove_prefix(kAuthLine.size());
  Rig rig(with_token);
  for (auto part : fuzz::split_parts(input, kMaxRequests)) serve(rig, part);
  shut_down(rig);
}
