#include "mcp/session.hpp"

#include "jsonrpc/error_codes.hpp"
#include "log/logger.hpp"
#include "mcp/batch_collector.hpp"
#include "mcp/protocol_error.hpp"
#include "mcp/server.hpp"

namespace mcp {

namespace {

void reply(const ReplyChannel& channel, const json& message) {
  if (channel.send) channel.send(message);
}

void done(const ReplyChannel& channel) {
  if (channel.done) channel.done();
}

void reply_error(const ReplyChannel& channel, const json& id, int code, std::string message, json data = nullptr) {
  reply(channel, jsonrpc::make_error(id, jsonrpc::Error{code, std::move(message), std::move(data)}));
}

const json& object_params(const jsonrpc::Message& message) {
  static const json empty = json::object();
  return message.params.is_object() ? message.params : empty;
}

// What a client sent, shortened for an error message: echoing a name of megabytes helps no one.
std::string shortened(std::string text) {
  constexpr std::size_t kMax = 100;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  text.resize(cut);
  return text + "...";
}

// How long a tool may wait for the client to answer a request (a person may be answering).
constexpr std::chrono::minutes kClientRequestTimeout{10};

// The client capability a server-to-client request needs, or empty when none.
std::string_view capability_for(std::string_view method) {
  if (method == "sampling/createMessage") return "sampling";
  if (method == "elicitation/create") return "elicitation";
  if (method == "roots/list") return "roots";
  return {};
}

}  // namespace

Session::Session(Server& server) : server_(server) {}

bool Session::initialized() const {
  std::lock_guard lock(mutex_);
  return !version_.empty();
}

std::string Session::protocol_version() const {
  std::lock_guard lock(mutex_);
  return version_;
}

json Session::client_capabilities() const {
  std::lock_guard lock(mutex_);
  return client_capabilities_;
}

std::size_t Session::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_.size();
}

void Session::receive(std::string_view text, const ReplyChannel& channel) {
  receive(jsonrpc::decode(text, {server_.options().max_depth}), channel);
}

void Session::receive(jsonrpc::Payload payload, const ReplyChannel& channel) {
  if (!payload.is_batch) {
    handle(payload.entries.front(), channel);
    return;
  }
  const std::string version = protocol_version();
  if (!features_of(version).batching) {
    reply_error(channel, nullptr, jsonrpc::kInvalidRequest,
                "Invalid Request: JSON-RPC batches are only allowed with protocol version 2025-03-26" +
                    (version.empty() ? std::string(" (and never for initialize)") : "; this session uses " + version) +
                    ". Send one message at a time.");
    done(channel);
    return;
  }
  auto collector = std::make_shared<BatchCollector>(channel, payload.entries.size());
  for (const auto& entry : payload.entries) handle(entry, collector->channel());
}

void Session::handle(const jsonrpc::Decoded& entry, const ReplyChannel& channel) {
  if (entry.error) {
    reply(channel, jsonrpc::make_error(entry.error_id, *entry.error));
    done(channel);
    return;
  }
  const auto& message = *entry.message;
  switch (message.kind) {
    case jsonrpc::Kind::Request:
      handle_request(message, channel);
      return;
    case jsonrpc::Kind::Notification:
      handle_notification(message);
      break;
    case jsonrpc::Kind::Response:
      client_requests_.resolve(message);  // an unknown or late answer is ignored
      break;
  }
  done(channel);
}

void Session::handle_request(const jsonrpc::Message& message, const ReplyChannel& channel) {
  const json& id = message.id;
  const std::string& method = message.method;
  try {
    if (method == "initialize") {
      reply(channel, jsonrpc::make_result(id, initialize(message.params)));
    } else if (method == "ping") {
      reply(channel, jsonrpc::make_result(id, json::object()));
    } else if (!initialized()) {
      reply_error(channel, id, jsonrpc::kInvalidRequest,
                  "Invalid Request: the session is not initialized; send \"initialize\" first (only \"ping\" is "
                  "allowed before it)");
    } else if (method == "tools/list") {
      reply(channel, jsonrpc::make_result(id, list_tools(object_params(message))));
    } else if (method == "tools/call") {
      call_tool(message, channel);
      return;  // call_tool finishes the channel itself
    } else if (method == "logging/setLevel") {
      reply(channel, jsonrpc::make_result(id, set_log_level(object_params(message))));
    } else if (const auto* handler = server_.find_method(method)) {
      const std::string version = protocol_version();
      reply(channel, jsonrpc::make_result(id, (*handler)(MethodCall{object_params(message), version})));
    } else {
      reply_error(channel, id, jsonrpc::kMethodNotFound, "Method not found: " + shortened(method));
    }
  } catch (const ProtocolError& e) {
    reply(channel, jsonrpc::make_error(id, e.error()));
  } catch (const std::exception& e) {
    logging::error("mcp", "method " + method + " failed: " + e.what());
    reply_error(channel, id, jsonrpc::kInternalError, std::string("Internal error: ") + e.what());
  }
  done(channel);
}

void Session::handle_notification(const jsonrpc::Message& message) {
  if (message.method == "notifications/cancelled") {
    const json& params = object_params(message);
    // An unknown or already finished request is ignored, as the spec says.
    if (params.contains("requestId") && cancel(params["requestId"])) {
      logging::debug("mcp", "request " + params["requestId"].dump() + " cancelled by the client");
    }
  }
  // notifications/initialized and unknown notifications need nothing.
}

json Session::initialize(const json& params) {
  if (!params.is_object() || !params.contains("protocolVersion") || !params["protocolVersion"].is_string()) {
    throw ProtocolError(jsonrpc::kInvalidParams,
                        "Invalid params: initialize needs params.protocolVersion (a string such as \"" +
                            std::string(kLatestVersion) + "\")");
  }
  const std::string requested = params["protocolVersion"].get<std::string>();
  std::string version;
  {
    std::lock_guard lock(mutex_);
    if (!version_.empty()) {
      throw ProtocolError(jsonrpc::kInvalidRequest, "Invalid Request: the session is already initialized (protocol " +
                                                        version_ + "); initialize may be sent only once");
    }
    version_ = negotiate(requested);
    version = version_;
    if (params.contains("capabilities") && params["capabilities"].is_object()) {
      client_capabilities_ = params["capabilities"];
    }
  }
  const Features f = features_of(version);
  const auto& info = server_.options().info;
  json server_info{{"name", info.name}, {"version", info.version}};
  if (f.titles && !info.title.empty()) server_info["title"] = info.title;
  if (f.icons && !info.description.empty()) server_info["description"] = info.description;
  json result{{"protocolVersion", version}, {"capabilities", server_.capabilities()}, {"serverInfo", server_info}};
  if (!server_.options().instructions.empty()) result["instructions"] = server_.options().instructions;
  std::string client = "unknown client";
  if (params.contains("clientInfo") && params["clientInfo"].is_object()) {
    const json& info = params["clientInfo"];
    const json name = info.value("name", json("unnamed"));
    const json ver = info.value("version", json(""));
    client = (name.is_string() ? name.get<std::string>() : "unnamed") + " " +
             (ver.is_string() ? ver.get<std::string>() : "");
  }
  {
    std::lock_guard lock(mutex_);
    client_name_ = client;
  }
  logging::info("mcp", "initialized: " + client + ", asked for " + requested + ", speaking " + version);
  return result;
}

json Session::tool_to_json(const RegisteredTool& entry, const Features& f) const {
  const Tool& t = entry.tool;
  json j{{"name", t.name}, {"description", t.description}, {"inputSchema", t.input_schema}};
  if (f.titles && !t.title.empty()) j["title"] = t.title;
  if (f.structured_output && t.output_schema) j["outputSchema"] = *t.output_schema;
  if (f.annotations) {
    json a = t.annotations.to_json(t.title);
    if (!a.empty()) j["annotations"] = std::move(a);
  }
  return j;
}

json Session::list_tools(const json& params) const {
  const auto& all = server_.tools().all();
  const std::size_t page = std::max<std::size_t>(1, server_.options().tools_page_size);
  std::size_t start = 0;
  if (params.contains("cursor") && !params["cursor"].is_null()) {
    const json& cursor = params["cursor"];
    bool ok = cursor.is_string() && cursor.get<std::string>().size() > 1 && cursor.get<std::string>()[0] == 't';
    if (ok) {
      const std::string digits = cursor.get<std::string>().substr(1);
      ok = digits.find_first_not_of("0123456789") == std::string::npos && digits.size() < 9;
      if (ok) start = std::stoul(digits);
      ok = ok && start > 0 && start < all.size();
    }
    if (!ok) {
      throw ProtocolError(jsonrpc::kInvalidParams,
                          "Invalid params: unknown cursor " + shortened(cursor.dump()) +
                              "; pass the nextCursor of a previous tools/list result, or omit it to start over");
    }
  }
  const Features f = features_of(protocol_version());
  json tools = json::array();
  for (std::size_t i = start; i < all.size() && i < start + page; ++i) tools.push_back(tool_to_json(*all[i], f));
  json result{{"tools", std::move(tools)}};
  if (start + page < all.size()) result["nextCursor"] = "t" + std::to_string(start + page);
  return result;
}

json Session::set_log_level(const json& params) {
  const json level = params.value("level", json());
  auto parsed = level.is_string() ? logging::parse_level(level.get<std::string>()) : std::nullopt;
  if (!parsed) {
    throw ProtocolError(jsonrpc::kInvalidParams,
                        "Invalid params: level must be one of debug, info, notice, warning, error, critical, alert, "
                        "emergency; got " +
                            shortened(level.dump()));
  }
  std::lock_guard lock(mutex_);
  log_level_ = *parsed;
  return json::object();
}

bool Session::begin(const std::string& key, std::stop_token* token) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] = in_flight_.try_emplace(key);
  if (!inserted) return false;
  *token = it->second.stop.get_token();
  return true;
}

bool Session::finish(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = in_flight_.find(key);
  bool cancelled = it != in_flight_.end() && it->second.cancelled;
  if (it != in_flight_.end()) in_flight_.erase(it);
  if (in_flight_.empty()) idle_.notify_all();
  return cancelled;
}

bool Session::stopped_by_shutdown(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = in_flight_.find(key);
  return it != in_flight_.end() && it->second.shutting_down;
}

void Session::call_tool(const jsonrpc::Message& message, const ReplyChannel& channel) {
  const json& params = object_params(message);
  const json name = params.value("name", json());
  if (!name.is_string()) {
    reply_error(channel, message.id, jsonrpc::kInvalidParams, "Invalid params: tools/call needs params.name (a string)");
    done(channel);
    return;
  }
  if (params.contains("arguments") && !params["arguments"].is_object() && !params["arguments"].is_null()) {
    reply_error(channel, message.id, jsonrpc::kInvalidParams,
                "Invalid params: params.arguments must be an object of the tool's arguments");
    done(channel);
    return;
  }
  if (server_.tools().find(name.get<std::string>()) == nullptr) {
    std::string names;
    for (const auto& t : server_.tools().all()) names += (names.empty() ? "" : ", ") + t->tool.name;
    reply_error(channel, message.id, jsonrpc::kInvalidParams,
                "Unknown tool: " + shortened(name.get<std::string>()) + ". Available tools: " + names);
    done(channel);
    return;
  }
  std::stop_token stop;
  const std::string key = jsonrpc::id_key(message.id);
  if (!begin(key, &stop)) {
    reply_error(channel, message.id, jsonrpc::kInvalidRequest,
                "Invalid Request: id " + message.id.dump() + " is already used by a request in progress; use a new id");
    done(channel);
    return;
  }
  auto self = shared_from_this();
  server_.post([self, message, channel, stop, key] {
    // Answered before finish(): whoever waits for the session to go idle then finds it written.
    if (!self->run_tool(message, channel, stop) && self->stopped_by_shutdown(key)) {
      reply_error(channel, message.id, jsonrpc::kServerShuttingDown,
                  "Server shutting down: the call was stopped before it finished. Call again once the server "
                  "is back.");
    }
    self->finish(key);
    done(channel);
  });
}

bool Session::run_tool(const jsonrpc::Message& message, const ReplyChannel& channel, std::stop_token stop) {
  const json& params = object_params(message);
  const std::string name = params["name"].get<std::string>();
  const RegisteredTool& entry = *server_.tools().find(name);
  json arguments = params.contains("arguments") && params["arguments"].is_object() ? params["arguments"] : json::object();
  const std::string version = protocol_version();
  const Features f = features_of(version);

  ToolResult result;
  auto issues = entry.input_validator.validate(arguments);
  if (!issues.empty()) {
    result = ToolResult::error("Invalid arguments for tool " + name + ":\n" + schema::format_issues(issues) +
                               "\nFix these and call the tool again; its inputSchema lists every argument.");
  } else {
    entry.input_validator.apply_defaults(arguments);
    json progress_token;
    if (params.contains("_meta") && params["_meta"].is_object()) {
      progress_token = params["_meta"].value("progressToken", json());
      if (!progress_token.is_string() && !progress_token.is_number_integer()) progress_token = nullptr;
    }
    std::optional<logging::Level> client_level;
    json capabilities;
    std::string client_name;
    {
      std::lock_guard lock(mutex_);
      client_level = log_level_;
      capabilities = client_capabilities_;
      client_name = client_name_;
    }
    ToolContext context(
        stop, progress_token, client_level, f.progress_message,
        [channel](const json& notification) { reply(channel, notification); },
        [this, channel, stop](const std::string& method, json request_params) {
          return request_client(method, std::move(request_params), channel, stop);
        });
    context.set_client(std::move(capabilities), std::move(client_name));
    try {
      result = entry.tool.handler(arguments, context);
    } catch (const ProtocolError& e) {
      if (stop.stop_requested()) return false;
      reply(channel, jsonrpc::make_error(message.id, e.error()));
      return true;
    } catch (const std::exception& e) {
      logging::error("mcp", "tool " + name + " threw: " + e.what());
      result = ToolResult::error("Internal error in tool " + name + ": " + e.what());
    }
  }
  if (stop.stop_requested()) return false;  // cancelled: the client expects no response

  if (server_.options().validate_output && result.structured && entry.output_validator && !result.is_error) {
    auto out_issues = entry.output_validator->validate(*result.structured, "structuredContent");
    if (!out_issues.empty()) logging::error("mcp", "tool " + name + " output: " + schema::format_issues(out_issues));
  }
  json body = json::object();
  body["content"] = std::move(result.content);
  if (result.is_error) body["isError"] = true;
  if (f.structured_output && result.structured) body["structuredContent"] = std::move(*result.structured);
  reply(channel, jsonrpc::make_result(message.id, std::move(body)));
  return true;
}

json Session::request_client(const std::string& method, json params, const ReplyChannel& channel,
                             std::stop_token stop) {
  const std::string_view capability = capability_for(method);
  if (!capability.empty() && !client_capabilities().contains(capability)) {
    throw ProtocolError(jsonrpc::kInvalidRequest, "the client did not declare the \"" + std::string(capability) +
                                                      "\" capability in initialize, so the server cannot send " + method);
  }
  return client_requests_.call(
      method, std::move(params), [channel](const json& message) { reply(channel, message); }, stop,
      kClientRequestTimeout);
}

bool Session::cancel(const json& id) {
  std::lock_guard lock(mutex_);
  auto it = in_flight_.find(jsonrpc::id_key(id));
  if (it == in_flight_.end()) return false;
  it->second.cancelled = true;
  it->second.stop.request_stop();
  return true;
}

void Session::cancel_all() {
  std::lock_guard lock(mutex_);
  for (auto& [key, request] : in_flight_) {
    request.cancelled = true;
    request.stop.request_stop();
  }
}

void Session::shut_down() {
  std::lock_guard lock(mutex_);
  for (auto& [key, request] : in_flight_) {
    request.shutting_down = !request.cancelled;
    request.stop.request_stop();
  }
}

bool Session::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return in_flight_.empty(); });
}

}  // namespace mcp
