#pragma once
// An error the demo account answers with, as TikTok would: a body code and message.

#include <stdexcept>
#include <string>

namespace tiktok::demo {

class DemoError : public std::runtime_error {
 public:
  DemoError(long long code, const std::string& message) : std::runtime_error(message), code_(code) {}
  long long code() const { return code_; }

 private:
  long long code_;
};

}  // namespace tiktok::demo
