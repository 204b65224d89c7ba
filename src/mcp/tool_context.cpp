#include "mcp/tool_context.hpp"

#include "jsonrpc/error_codes.hpp"
#include "jsonrpc/message.hpp"
#include "mcp/protocol_error.hpp"

namespace mcp {

ToolContext::ToolContext(std::stop_token stop, json progress_token, std::optional<logging::Level> client_log_level,
                         bool progress_message_allowed, Notify notify, ClientRequester requester)
    : stop_(std::move(stop)),
      progress_token_(std::move(progress_token)),
      client_log_level_(client_log_level),
      progress_message_allowed_(progress_message_allowed),
      notify_(std::move(notify)),
      requester_(std::move(requester)) {}

void ToolContext::report_progress(double progress, std::optional<double> total, std::string_view message) {
  if (progress_token_.is_null() || cancelled()) return;
  if (last_progress_ && progress <= *last_progress_) return;
  last_progress_ = progress;
  json params{{"progressToken", progress_token_}, {"progress", progress}};
  if (total) params["total"] = *total;
  if (!message.empty() && progress_message_allowed_) params["message"] = message;
  notify_(jsonrpc::make_notification("notifications/progress", std::move(params)));
}

void ToolContext::log(logging::Level level, std::string_view logger, const json& data) {
  if (!client_log_level_ || static_cast<int>(level) < static_cast<int>(*client_log_level_)) return;
  json params{{"level", logging::to_string(level)}, {"data", data}};
  if (!logger.empty()) params["logger"] = logger;
  notify_(jsonrpc::make_notification("notifications/message", std::move(params)));
}

json ToolContext::request_client(const std::string& method, json params) {
  if (!requester_) {
    throw ProtocolError(jsonrpc::kInternalError, "this transport cannot send requests to the client (" + method + ")");
  }
  return requester_(method, std::move(params));
}

void ToolContext::set_client(json capabilities, std::string name) {
  client_capabilities_ = capabilities.is_object() ? std::move(capabilities) : json::object();
  client_name_ = std::move(name);
}

bool ToolContext::client_supports_form_elicitation() const {
  auto it = client_capabilities_.find("elicitation");
  if (it == client_capabilities_.end() || !it->is_object()) return false;
  // {} predates the form/url split and means form; otherwise form must be named.
  return it->empty() || it->contains("form");
}

}  // namespace mcp
