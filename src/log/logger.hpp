#pragma once
// The server's own log: one line per event on stderr (never stdout, which belongs to the
// protocol in stdio mode), filtered by level, with every registered secret redacted.

#include <functional>
#include <string>
#include <string_view>

#include "log/level.hpp"

namespace logging {

void set_level(Level level);
Level level();
bool enabled(Level level);

// Replaces the destination (default: stderr). Tests capture lines with this. Thread-safe.
using Sink = std::function<void(std::string_view line)>;
void set_sink(Sink sink);

void write(Level level, std::string_view component, std::string_view message);

inline void debug(std::string_view component, std::string_view message) { write(Level::Debug, component, message); }
inline void info(std::string_view component, std::string_view message) { write(Level::Info, component, message); }
inline void warning(std::string_view component, std::string_view message) { write(Level::Warning, component, message); }
inline void error(std::string_view component, std::string_view message) { write(Level::Error, component, message); }

}  // namespace logging
