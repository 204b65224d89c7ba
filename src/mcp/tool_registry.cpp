#include "mcp/tool_registry.hpp"

#include <stdexcept>

namespace mcp {

bool is_valid_tool_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

void ToolRegistry::add(Tool tool) {
  if (!is_valid_tool_name(tool.name)) throw std::invalid_argument("invalid tool name: " + tool.name);
  if (find(tool.name) != nullptr) throw std::invalid_argument("duplicate tool name: " + tool.name);
  if (!tool.input_schema.is_object() || tool.input_schema.value("type", "") != "object") {
    throw std::invalid_argument("tool " + tool.name + ": inputSchema must be {\"type\":\"object\",...}");
  }
  if (!tool.handler) throw std::invalid_argument("tool " + tool.name + " has no handler");
  auto entry = std::make_unique<RegisteredTool>(RegisteredTool{tool, schema::Validator(tool.input_schema), {}});
  if (tool.output_schema) entry->output_validator.emplace(*tool.output_schema);
  tools_.push_back(std::move(entry));
}

const RegisteredTool* ToolRegistry::find(std::string_view name) const {
  for (const auto& t : tools_) {
    if (t->tool.name == name) return t.get();
  }
  return nullptr;
}

}  // namespace mcp
