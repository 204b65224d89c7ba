#pragma once
// The executor when no credentials are configured: every call answers with what to set.

#include "execution/executor.hpp"

namespace execution {

class UnconfiguredExecutor : public Executor {
 public:
  Page fetch(const Target& target, const json& params, const CallContext& context) override;
  CheckReport check(const CallContext& context) override;
  std::string mode() const override { return "unconfigured"; }

  static const char* help();
};

}  // namespace execution
