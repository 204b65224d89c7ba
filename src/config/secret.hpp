#pragma once
// A credential held in configuration. Its value is reachable only through reveal(), so it
// cannot be printed or logged by accident; constructing one registers it for redaction.

#include <string>
#include <string_view>

namespace config {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value);

  bool empty() const { return value_.empty(); }
  // The raw value, for the one place that must send it (an HTTP header or request body).
  const std::string& reveal() const { return value_; }
  // "set" or "not set": all that logs and diagnostics may say about a secret.
  std::string_view describe() const { return value_.empty() ? "not set" : "set"; }

 private:
  std::string value_;
};

}  // namespace config
