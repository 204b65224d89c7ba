#pragma once
// What every fuzz target shares: a broken invariant aborts with a message, which libFuzzer
// reports as a crash and saves the input for; the server's log is formatted but discarded,
// except the lines that report an internal error, which are invariants broken too.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "log/logger.hpp"

namespace fuzz {

[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

inline void require(bool condition, std::string_view what) {
  if (!condition) fail(what);
}

// True for the log lines of mcp::Session that mean a handler went wrong: a tool or method that
// threw (instead of returning an error result), or a result that breaks its output schema.
// Every error-level line of the core is one of these ("<time> error [mcp] ...").
inline bool reports_internal_error(std::string_view line) {
  const auto space = line.find(' ');
  return space != std::string_view::npos && line.substr(space + 1).rfind("error [mcp] ", 0) == 0;
}

// Debug level, so the log lines are built (that code runs too), and a sink that drops them.
inline void silence_logs() {
  logging::set_level(logging::Level::Debug);
  logging::set_sink([](std::string_view line) {
    if (reports_internal_error(line)) fail(std::string(line));
  });
}

}  // namespace fuzz
