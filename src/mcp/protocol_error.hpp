#pragma once
// Thrown by a method or tool handler to answer with a JSON-RPC error instead of a result
// (tool failures the model should read are ToolResult::error, not this).

#include <stdexcept>

#include "jsonrpc/message.hpp"

namespace mcp {

class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(int code, const std::string& message, nlohmann::json data = nullptr)
      : std::runtime_error(message), error_{code, message, std::move(data)} {}
  const jsonrpc::Error& error() const { return error_; }

 private:
  jsonrpc::Error error_;
};

}  // namespace mcp
