#include "mcp/tool.hpp"

namespace mcp {

json ToolAnnotations::to_json(const std::string& title) const {
  json a = json::object();
  if (!title.empty()) a["title"] = title;
  if (read_only) a["readOnlyHint"] = *read_only;
  if (destructive) a["destructiveHint"] = *destructive;
  if (idempotent) a["idempotentHint"] = *idempotent;
  if (open_world) a["openWorldHint"] = *open_world;
  return a;
}

ToolResult ToolResult::text(std::string text) {
  ToolResult r;
  r.content.push_back(json{{"type", "text"}, {"text", std::move(text)}});
  return r;
}

ToolResult ToolResult::error(std::string message) {
  ToolResult r = text(std::move(message));
  r.is_error = true;
  return r;
}

ToolResult ToolResult::structured_json(json value, bool is_error) {
  ToolResult r = text(value.dump(-1, ' ', false, json::error_handler_t::replace));
  r.structured = std::move(value);
  r.is_error = is_error;
  return r;
}

}  // namespace mcp
