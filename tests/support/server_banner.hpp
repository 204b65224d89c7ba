#pragma once
// The port of a server started with --port 0, read from the banner it prints on stderr once it
// listens: "Listening on http://127.0.0.1:PORT/mcp (...)".

#include <chrono>
#include <string>

#include "support/child_process.hpp"

namespace test {

// The port in `log`, or 0 before the banner is there.
int listening_port(const std::string& log);

// Waits for the banner in the file `log_path` (the server's stderr). Throws std::runtime_error
// when the server exits first or `timeout` passes.
int wait_for_listening_port(const std::string& log_path, ChildProcess& server, std::chrono::milliseconds timeout);

}  // namespace test
