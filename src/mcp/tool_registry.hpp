#pragma once
// The tools a server offers, in registration order (which is the tools/list order), each with
// its compiled input validator.

#include <memory>
#include <string_view>
#include <vector>

#include "mcp/tool.hpp"
#include "schema/validator.hpp"

namespace mcp {

struct RegisteredTool {
  Tool tool;
  schema::Validator input_validator;
  std::optional<schema::Validator> output_validator;
};

class ToolRegistry {
 public:
  // Throws std::invalid_argument for a duplicate or ill-formed name (1-64 of A-Z a-z 0-9 _ - .)
  // or an input schema whose root is not {"type":"object"}.
  void add(Tool tool);

  const RegisteredTool* find(std::string_view name) const;
  const std::vector<std::unique_ptr<RegisteredTool>>& all() const { return tools_; }
  std::size_t size() const { return tools_.size(); }

 private:
  std::vector<std::unique_ptr<RegisteredTool>> tools_;
};

bool is_valid_tool_name(std::string_view name);

}  // namespace mcp
