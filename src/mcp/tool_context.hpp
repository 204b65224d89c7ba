#pragma once
// What a running tool call can see and do: notice cancellation, report progress, and log to
// the client. Created by the session for each tools/call; used from the worker thread.

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "log/level.hpp"

namespace mcp {

using nlohmann::json;

class ToolContext {
 public:
  using Notify = std::function<void(const json& notification)>;
  // Sends a request to the client and returns its result (see request_client).
  using ClientRequester = std::function<json(const std::string& method, json params)>;

  ToolContext(std::stop_token stop, json progress_token, std::optional<logging::Level> client_log_level,
              bool progress_message_allowed, Notify notify, ClientRequester requester = {});

  // True once the client cancelled the call (or the server is shutting down).
  bool cancelled() const { return stop_.stop_requested(); }
  const std::stop_token& stop_token() const { return stop_; }

  // Sends notifications/progress when the caller asked for progress; values that do not
  // increase are dropped (the protocol requires progress to increase).
  void report_progress(double progress, std::optional<double> total = std::nullopt, std::string_view message = {});

  // Sends notifications/message when the client enabled logging at this level or below.
  void log(logging::Level level, std::string_view logger, const json& data);

  bool wants_progress() const { return !progress_token_.is_null(); }

  // Asks the client something during the call (sampling/createMessage, elicitation/create,
  // roots/list) and blocks until it answers. Throws ProtocolError when the client did not
  // declare the capability, answers with an error, takes too long, or the call is cancelled.
  json request_client(const std::string& method, json params);

  // What the client declared in initialize: its capabilities and "name version".
  void set_client(json capabilities, std::string name);
  // True when the client can answer elicitation/create with a form.
  bool client_supports_form_elicitation() const;
  const std::string& client_name() const { return client_name_; }

 private:
  json client_capabilities_ = json::object();
  std::string client_name_;
  std::stop_token stop_;
  json progress_token_;
  std::optional<logging::Level> client_log_level_;
  bool progress_message_allowed_;
  Notify notify_;
  ClientRequester requester_;
  std::optional<double> last_progress_;
};

}  // namespace mcp
