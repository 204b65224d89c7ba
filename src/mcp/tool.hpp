#pragma once
// A tool is data (name, title, description, schemas, annotations) plus a handler that receives
// arguments already validated against the input schema (with defaults applied) and a context.

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp/tool_context.hpp"

namespace mcp {

using nlohmann::json;

struct ToolAnnotations {
  std::optional<bool> read_only = std::nullopt;
  std::optional<bool> destructive = std::nullopt;
  std::optional<bool> idempotent = std::nullopt;
  std::optional<bool> open_world = std::nullopt;

  json to_json(const std::string& title) const;
};

struct ToolResult {
  json content = json::array();
  std::optional<json> structured;  // structuredContent (sent only to versions that define it)
  bool is_error = false;

  // A successful plain-text result.
  static ToolResult text(std::string text);
  // A failed call the model can read and correct (isError: true).
  static ToolResult error(std::string message);
  // structuredContent plus the same JSON as text, for clients that read only text.
  static ToolResult structured_json(json value, bool is_error = false);
};

using ToolHandler = std::function<ToolResult(const json& arguments, ToolContext& context)>;

struct Tool {
  std::string name;
  std::string title;
  std::string description;
  json input_schema;                 // root {"type":"object", ...}
  std::optional<json> output_schema;
  ToolAnnotations annotations;
  ToolHandler handler;
};

}  // namespace mcp
