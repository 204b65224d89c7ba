#pragma once
// The server as main() builds it (the execute, describe and check tools over the built-in
// catalogue), but with the FakeExecutor for an upstream. One per fuzz input, so every input
// starts from a fresh server.

#include <cstddef>

#include "fake_executor.hpp"
#include "mcp/server.hpp"
#include "tools/environment.hpp"

namespace fuzz {

struct FuzzServer {
  // Small enough that results of a few records get truncated.
  static constexpr std::size_t kOutputMaxChars = 1500;

  FuzzServer();
  FuzzServer(const FuzzServer&) = delete;
  FuzzServer& operator=(const FuzzServer&) = delete;

  FakeExecutor executor;
  tools::Environment environment;
  mcp::Server server;  // declared last: its workers stop before what they use goes away
};

}  // namespace fuzz
