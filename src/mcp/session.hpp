#pragma once
// One client connection's view of the server: lifecycle (initialize, negotiated version),
// logging level, and the requests in flight with their cancellation. Transports feed it text
// (or decoded payloads) with a ReplyChannel for the answers.
//
// Threading: receive() may be called from several threads at once (HTTP); replies are sent
// from the calling thread or from a worker thread. Tool calls run on the server's pool.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>

#include "jsonrpc/message.hpp"
#include "log/level.hpp"
#include "mcp/client_requests.hpp"
#include "mcp/protocol_version.hpp"
#include "mcp/reply_channel.hpp"

namespace mcp {

class Server;
struct RegisteredTool;
using nlohmann::json;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(Server& server);

  // Decodes one payload (a message or, under 2025-03-26, a batch) and handles it.
  void receive(std::string_view text, const ReplyChannel& channel);
  void receive(jsonrpc::Payload payload, const ReplyChannel& channel);

  // Stops the call in flight under request id `id` as the client's notifications/cancelled
  // would: no response is sent. False when no such call is in flight (unknown or finished).
  bool cancel(const json& id);
  // Stops every call in flight; their responses are not sent (the client cancelled them or
  // went away).
  void cancel_all();
  // Stops every call in flight because the server is shutting down. Each is answered with
  // error -32000 saying so, so that clients need not wait for their own timeout; a call the
  // client cancelled itself stays unanswered.
  void shut_down();
  // Waits until no call is in flight; false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout);
  std::size_t in_flight() const;

  bool initialized() const;
  // The negotiated version, or empty before initialize.
  std::string protocol_version() const;
  // What the client declared in initialize (an object; empty before initialize).
  json client_capabilities() const;

 private:
  struct InFlight {
    std::stop_source stop;
    bool cancelled = false;      // by the client: no response
    bool shutting_down = false;  // by shut_down(): the shutdown error, unless already answered
  };

  void handle(const jsonrpc::Decoded& entry, const ReplyChannel& channel);
  void handle_request(const jsonrpc::Message& message, const ReplyChannel& channel);
  void handle_notification(const jsonrpc::Message& message);
  json initialize(const json& params);
  json list_tools(const json& params) const;
  json set_log_level(const json& params);
  void call_tool(const jsonrpc::Message& message, const ReplyChannel& channel);
  // False when it sent no response (the call was stopped).
  bool run_tool(const jsonrpc::Message& message, const ReplyChannel& channel, std::stop_token stop);
  bool begin(const std::string& key, std::stop_token* token);
  bool finish(const std::string& key);  // true when the request was cancelled
  bool stopped_by_shutdown(const std::string& key) const;
  json tool_to_json(const RegisteredTool& entry, const Features& features) const;
  json request_client(const std::string& method, json params, const ReplyChannel& channel, std::stop_token stop);

  Server& server_;
  mutable std::mutex mutex_;
  std::condition_variable idle_;
  std::string version_;  // empty until initialize
  std::optional<logging::Level> log_level_;
  json client_capabilities_ = json::object();
  std::string client_name_;  // "name version" from initialize's clientInfo
  ClientRequests client_requests_;
  std::unordered_map<std::string, InFlight> in_flight_;
};

}  // namespace mcp
