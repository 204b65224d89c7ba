#pragma once
// A deterministic stand-in for the TikTok and Airbyte executors: the page it returns (or the
// error it throws) depends only on the entity and the params, so the whole server can be
// fuzzed without a network. Records echo part of the params, so their size follows the input.

#include "execution/executor.hpp"

namespace fuzz {

class FakeExecutor : public execution::Executor {
 public:
  execution::Page fetch(const execution::Target& target, const nlohmann::json& params,
                        const execution::CallContext& context) override;
  execution::CheckReport check(const execution::CallContext& context) override;
  std::string mode() const override { return "direct"; }
};

}  // namespace fuzz
